// Workloads: the tasks of the scenario, each with every parameter of its type, and a timeline of
// when each runs.
import { For, Show } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { WORKLOAD_TYPES } from '../../shared/scenario/index.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import type { DraftWorkload } from '../scenario/draft.ts';
import { useToast } from '../toast/toast-context.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { TIME_MS, parseQuantity } from '../units/quantity.ts';
import { WorkloadCard } from './workload-card.tsx';
import { newWorkload, uniqueName } from './workload-fields.ts';
import { WorkloadTimeline } from './workload-timeline.tsx';
import { SavedParts } from '../parts/saved-parts.tsx';
import { useImportTrace } from './use-import-trace.ts';

const DEFAULT_DURATION_MS = 60_000;

export function WorkloadsPage() {
  const { draft, setDraft } = useScenarioDraft();
  const toast = useToast();
  const list = () => draft.workload;
  const names = () => list().map((w) => w.name);
  const write = (next: DraftWorkload[]) => setDraft('workload', next);
  const copy = () => structuredClone(unwrap(draft.workload));
  const durationMs = () => {
    const d = draft.run.durationMs;
    const ms = typeof d === 'number' ? d : typeof d === 'string' ? parseQuantity(d, TIME_MS) : null;
    return ms && ms > 0 ? ms : DEFAULT_DURATION_MS;
  };
  const remove = (i: number) => {
    const before = copy();
    write(before.filter((_, j) => j !== i));
    toast.show({
      message: `Removed workload “${before[i]?.name ?? i}”.`,
      action: { label: 'Undo', run: () => write(before) },
      timeoutMs: 8000,
    });
  };
  const addTrace = useImportTrace();
  const move = (from: number, to: number) => {
    const next = copy();
    const [item] = next.splice(from, 1);
    if (item) next.splice(to, 0, item);
    write(next);
  };
  const duplicate = (i: number) => {
    const next = copy();
    const source = next[i];
    if (!source) return;
    next.splice(i + 1, 0, { ...source, name: uniqueName(source.name, names()) });
    write(next);
  };
  return (
    <div class="page" data-testid="page-workloads">
      <header class="page-header">
        <h1>Workloads</h1>
        <p class="muted">
          The tasks the scenario runs. Empty fields take the default shown in grey; sizes take binary units as
          the kernel reads them (K/KiB, M/MiB, G/GiB; kB/MB/GB are refused as ambiguous), times ms or s
          (“3s”).
        </p>
      </header>
      <div class="button-row">
        <For each={WORKLOAD_TYPES}>
          {(type) => (
            <button
              type="button"
              data-testid={`add-workload-${type}`}
              onClick={() => write([...copy(), newWorkload(type, names())])}
            >
              + {type}
            </button>
          )}
        </For>
        <button
          type="button"
          data-testid="import-trace"
          title="A Valgrind lackey --trace-mem=yes file (plain or gzip) replayed as a workload"
          onClick={() => void addTrace()}
        >
          Import lackey trace…
        </button>
      </div>
      <ErrorSummary prefixes={['workload']} title="The workloads are not valid" />
      <SavedParts kind="workload" current={copy} apply={(doc) => write(doc as DraftWorkload[])} />
      <Show
        when={list().length > 0}
        fallback={
          <EmptyState title="No workloads yet" testid="workloads-empty">
            A scenario needs at least one task. Add a usemem to fill memory, a hotset for a skewed working
            set, or a grep to stream page cache past them.
          </EmptyState>
        }
      >
        <section class="panel">
          <header class="panel-header">
            <h2>Timeline</h2>
            <span class="muted small">over the run's {durationMs() / 1000} s (set on Scenarios & runs)</span>
          </header>
          <WorkloadTimeline workloads={list()} durationMs={durationMs()} />
        </section>
        <For each={list()}>
          {(_, i) => (
            <WorkloadCard
              index={i()}
              count={list().length}
              onMove={(to) => move(i(), to)}
              onDuplicate={() => duplicate(i())}
              onRemove={() => remove(i())}
            />
          )}
        </For>
      </Show>
    </div>
  );
}
