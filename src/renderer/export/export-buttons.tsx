// CSV exports of runs: samples, results and the comparison table, each a file named by the lab.
import { For, Show } from 'solid-js';
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
  /** Why the buttons are disabled, if they are. */
  disabledReason?: string;
}

export function ExportButtons(props: ExportButtonsProps) {
  const { client } = useApi();
  const toast = useToast();
  const run = async (kind: ExportKind, runIds: number[], baseline: number | undefined) => {
    const file =
      kind === 'comparison'
        ? await client.call('export:comparison', { runIds, baseline })
        : await client.call(kind === 'samples' ? 'export:samples' : 'export:results', { runIds });
    if (await saveTextFile(file.filename, file.csv)) {
      const rows = file.csv.split('\n').filter(Boolean).length - 1;
      toast.show({ kind: 'success', message: `Saved ${file.filename} (${rows.toLocaleString()} rows).` });
    }
  };
  return (
    <span class="button-row export-buttons" title={props.disabledReason}>
      <span class="muted small">Export</span>
      <For each={props.kinds}>
        {(kind) => (
          <button
            type="button"
            data-testid={`export-${kind}`}
            disabled={props.runIds.length === 0 || props.disabledReason !== undefined}
            onClick={() => {
              const [ids, baseline] = [props.runIds, props.baseline];
              void toast.guard(() => run(kind, ids, baseline));
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
