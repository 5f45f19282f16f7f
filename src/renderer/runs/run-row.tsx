// One run in the list: selection, status and progress, timings, tags and its actions.
import { Show } from 'solid-js';
import type { RunInfo } from '../../shared/api/types.ts';
import { useApi } from '../api/api-context.tsx';
import { hrefFor } from '../router/routes.ts';
import { useToast } from '../toast/toast-context.tsx';
import { formatMs } from '../units/quantity.ts';
import { formatSpeed } from '../../shared/run-pace.ts';
import { useDeleteRun } from './delete-run.ts';
import { ProgressBar } from './progress-bar.tsx';
import { RunTags } from './run-tags.tsx';

export interface RunRowProps {
  run: RunInfo;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}

const live = (r: RunInfo) => r.status === 'queued' || r.status === 'running';

export function RunRow(props: RunRowProps) {
  const { client } = useApi();
  const toast = useToast();
  const deleteRun = useDeleteRun();
  const r = () => props.run;
  const cancel = () => {
    const runId = r().id;
    void toast.guard(async () => {
      const { cancelled } = await client.call('run:cancel', { runId });
      if (!cancelled) toast.show({ message: `Run ${runId} had already finished.` });
    });
  };
  return (
    <tr
      data-testid="run-row"
      data-run-id={r().id}
      data-status={r().status}
      class={props.selected ? 'selected' : ''}
    >
      <td>
        <input
          type="checkbox"
          checked={props.selected}
          aria-label={`select run ${r().id}`}
          data-testid="run-select"
          onChange={(e) => props.onSelect(e.currentTarget.checked)}
        />
      </td>
      <td class="num">
        <a href={hrefFor({ page: 'run', runId: r().id })} data-testid="run-open">
          {r().id}
        </a>
      </td>
      <td class="run-name">
        <a href={hrefFor({ page: 'run', runId: r().id })}>{r().name}</a>
        <Show when={r().error}>
          <div class="error-text small" data-testid="run-error">
            {r().error}
          </div>
        </Show>
      </td>
      <td class="num">{r().seed}</td>
      <td data-testid="run-row-engine">{r().engine}</td>
      <td class="progress-cell">
        <ProgressBar runId={r().id} fraction={r().progress} status={r().status} />
      </td>
      <td class="num">{r().simulatedMs === null ? '–' : formatMs(r().simulatedMs ?? 0)}</td>
      <td class="num">{r().wallMs === null ? '–' : formatMs(Math.round(r().wallMs ?? 0))}</td>
      <td class="num" data-testid="run-speed" title="simulated seconds per wall second">
        {r().wallMs === null ? '–' : formatSpeed(r().simulatedMs ?? 0, r().wallMs ?? 0)}
      </td>
      <td>
        <RunTags runId={r().id} tags={r().tags} />
      </td>
      <td class="actions">
        <Show
          when={live(r())}
          fallback={
            <button
              type="button"
              class="icon-button danger"
              data-testid="run-delete"
              onClick={() => deleteRun(r().id, r().name)}
            >
              Delete
            </button>
          }
        >
          <button type="button" class="icon-button" data-testid="run-cancel" onClick={cancel}>
            Cancel
          </button>
        </Show>
      </td>
    </tr>
  );
}
