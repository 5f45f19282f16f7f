// A run's free-text note: Ctrl/⌘+Enter or leaving the field saves it, Escape puts back the saved text.
import { createEffect, createSignal, on, untrack } from 'solid-js';
import { useApi } from '../api/api-context.tsx';
import { useToast } from '../toast/toast-context.tsx';

export function RunNote(props: { runId: number; note: string }) {
  const { client } = useApi();
  const toast = useToast();
  const [saved, setSaved] = createSignal(untrack(() => props.note));
  const [text, setText] = createSignal(untrack(() => props.note));
  createEffect(
    on(
      () => props.note,
      (note) => {
        setSaved(note);
        setText(note);
      },
      { defer: true },
    ),
  );
  const save = () => {
    if (text() === saved()) return;
    const [runId, value] = [props.runId, text()];
    void toast.guard(async () => {
      await client.call('run:note', { runId, text: value });
      setSaved(value);
      toast.show({ kind: 'success', message: `Saved the note of run ${runId}.` });
    });
  };
  return (
    <label class="field run-note">
      <span class="field-label">Note {text() !== saved() ? '(unsaved: Ctrl/⌘+Enter)' : ''}</span>
      <textarea
        rows={2}
        value={text()}
        placeholder="What this run is for, what you saw…"
        data-testid="run-note"
        onInput={(e) => setText(e.currentTarget.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            save();
          }
          if (e.key === 'Escape') {
            e.preventDefault();
            setText(saved());
          }
        }}
      />
    </label>
  );
}
