// CSV exports of runs: samples (machine-wide or per node), results and the comparison table, each a
// file named by the lab.
import { createSignal, For, Show } from 'solid-js';
import { readSamplesCsv } from '../../shared/api/read-samples-csv.ts';
import { useApi } from '../api/api-context.tsx';
import { useToast } from '../toast/toast-context.tsx';
import { saveTextFile } from './save-text-file.ts';

type ExportKind = 'samples' | 'results' | 'comparison';

const LABELS: Record<ExportKind, string> = {
  samples: 'Samples CSV',
  results: 'Results CSV',
  comparison: 'Comparison CSV',
};

export interface ExportButtonsProps {
  runIds: number[];
  kinds: ExportKind[];
  baseline?: number;
  /** Whether the comparison keeps cancelled, failed and interrupted runs, as the page shows them. */
  includePartial?: boolean;
  /** Why the buttons are disabled, if they are. */
  disabledReason?: string;
}

export function ExportButtons(props: ExportButtonsProps) {
  const { client } = useApi();
  const toast = useToast();
  // The rows a samples CSV holds: /proc/vmstat per sample, or nodeN/vmstat per sample per node.
  const [perNode, setPerNode] = createSignal(false);
  /** What one click asks for, read when the button is clicked. */
  type Request = {
    runIds: number[];
    baseline: number | undefined;
    perNode: boolean;
    includePartial: boolean;
  };
  const call = (kind: ExportKind, { runIds, baseline, perNode, includePartial }: Request) => {
    if (kind === 'comparison') return client.call('export:comparison', { runIds, baseline, includePartial });
    // The save dialog takes text: the chunks are joined here, in the page.
    if (kind === 'samples') return readSamplesCsv(client, { runIds, perNode });
    return client.call('export:results', { runIds });
  };
  const run = async (kind: ExportKind, req: Request) => {
    const file = await call(kind, req);
    if (await saveTextFile(file.filename, file.csv)) {
      const rows = file.csv.split('\n').filter(Boolean).length - 1;
      toast.show({ kind: 'success', message: `Saved ${file.filename} (${rows.toLocaleString()} rows).` });
    }
  };
  return (
    <span class="button-row export-buttons" title={props.disabledReason}>
      <span class="muted small">Export</span>
      <Show when={props.kinds.includes('samples')}>
        <select
          data-testid="export-samples-rows"
          aria-label="samples CSV rows"
          title="Machine-wide: one row per sample (/proc/vmstat). Per node: one row per sample per node (/sys/devices/system/node/nodeN/vmstat)."
          value={perNode() ? 'node' : 'machine'}
          disabled={props.runIds.length === 0 || props.disabledReason !== undefined}
          onChange={(e) => setPerNode(e.currentTarget.value === 'node')}
        >
          <option value="machine">machine-wide</option>
          <option value="node">per node</option>
        </select>
      </Show>
      <For each={props.kinds}>
        {(kind) => (
          <button
            type="button"
            data-testid={`export-${kind}`}
            disabled={props.runIds.length === 0 || props.disabledReason !== undefined}
            onClick={() => {
              const req = {
                runIds: props.runIds,
                baseline: props.baseline,
                perNode: perNode(),
                includePartial: props.includePartial ?? false,
              };
              void toast.guard(() => run(kind, req));
            }}
          >
            {LABELS[kind]}
          </button>
        )}
      </For>
      <Show when={props.disabledReason}>
        <span class="muted small">{props.disabledReason}</span>
      </Show>
    </span>
  );
}
