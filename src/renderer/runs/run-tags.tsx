// A run's tags: chips with a remove button, and a field where Enter adds (comma-separated) tags.
import { createSignal, For } from 'solid-js';
import { useApi } from '../api/api-context.tsx';
import { useToast } from '../toast/toast-context.tsx';
import { useRuns } from './runs-context.tsx';

export function RunTags(props: { runId: number; tags: string[] }) {
  const { client } = useApi();
  const toast = useToast();
  const runs = useRuns();
  const [text, setText] = createSignal('');
  const change = (req: { add?: string[]; remove?: string[] }) => {
    const runId = props.runId;
    return toast.guard(async () => {
      await client.call('run:tag', { runId, ...req });
      await runs.refresh();
    });
  };
  const add = () => {
    const tags = text()
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (tags.length) void change({ add: tags });
    setText('');
  };
  return (
    <span class="tags" data-testid="run-tags">
      <For each={props.tags}>
        {(tag) => (
          <span class="tag" data-testid="run-tag">
            {tag}
            <button
              type="button"
              aria-label={`remove tag ${tag}`}
              onClick={() => void change({ remove: [tag] })}
            >
              ×
            </button>
          </span>
        )}
      </For>
      <input
        class="tag-input"
        placeholder="+ tag"
        value={text()}
        data-testid="run-tag-input"
        aria-label={`add tags to run ${props.runId}`}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add();
          if (e.key === 'Escape') setText('');
        }}
      />
    </span>
  );
}
