// Saved parts: the current machine, workload list or policy kept under a name in the lab database
// and loaded into other scenarios. Loading and deleting both offer Undo.
import { createSignal, For, onMount, Show } from 'solid-js';
import type { PartInfo, PartKind } from '../../shared/api/types.ts';
import { useApi } from '../api/api-context.tsx';
import { useToast } from '../toast/toast-context.tsx';

export interface SavedPartsProps {
  kind: PartKind;
  /** The current document of this part, as the scenario file writes it. */
  current: () => unknown;
  apply: (document: unknown) => void;
}

export function SavedParts(props: SavedPartsProps) {
  const { client } = useApi();
  const toast = useToast();
  const [parts, setParts] = createSignal<PartInfo[]>([]);
  const [name, setName] = createSignal('');
  const refresh = async () => {
    const kind = props.kind;
    const list = await toast.guard(() => client.call('part:list', { kind }));
    if (list) setParts(list);
  };
  onMount(() => void refresh());
  const save = async () => {
    const req = { kind: props.kind, name: name().trim(), document: structuredClone(props.current()) };
    const res = await toast.guard(() => client.call('part:save', req));
    if (!res) return;
    if (!res.ok) {
      const first = res.errors[0];
      toast.show({
        kind: 'error',
        message: `Not saved: ${first ? `${first.path}: ${first.message}` : 'invalid'}`,
      });
      return;
    }
    toast.show({ kind: 'success', message: `Saved ${props.kind} “${res.value.name}”.` });
    setName('');
    await refresh();
  };
  const load = (p: PartInfo) => {
    const before = structuredClone(props.current());
    props.apply(structuredClone(p.document));
    toast.show({
      message: `Loaded ${props.kind} “${p.name}”.`,
      action: { label: 'Undo', run: () => props.apply(before) },
      timeoutMs: 8000,
    });
  };
  const remove = async (p: PartInfo) => {
    const req = { kind: props.kind, id: p.id };
    const gone = await toast.guard(() => client.call('part:delete', req));
    if (!gone) return;
    await refresh();
    const restore = async () => {
      await client.call('part:save', { kind: gone.kind, name: gone.name, document: gone.document });
      await refresh();
    };
    toast.show({
      message: `Deleted ${props.kind} “${p.name}”.`,
      action: { label: 'Undo', run: () => void restore() },
      timeoutMs: 8000,
    });
  };
  return (
    <section class="panel" data-testid={`saved-${props.kind}s`}>
      <header class="panel-header">
        <h2>Saved {props.kind}s</h2>
      </header>
      <form
        class="button-row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          placeholder={`name this ${props.kind} to reuse it`}
          aria-label={`Name for the current ${props.kind}`}
          data-testid={`save-${props.kind}-name`}
          required
        />
        <button type="submit" data-testid={`save-${props.kind}`}>
          Save current
        </button>
      </form>
      <Show when={parts().length > 0} fallback={<p class="muted small">None saved yet.</p>}>
        <ul class="saved-parts">
          <For each={parts()}>
            {(p) => (
              <li data-testid={`saved-${props.kind}`}>
                <span>{p.name}</span>
                <button type="button" data-testid={`load-${props.kind}`} onClick={() => load(p)}>
                  Load
                </button>
                <button type="button" onClick={() => void remove(p)}>
                  Delete
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
