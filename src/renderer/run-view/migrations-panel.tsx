// Migrations by reason and direction (demotion, NUMA-balancing promotion, daemon, DAMON, move_pages,
// compaction),
// the ping-pong count, and the run's events (OOM kills, task starts and exits, phase changes).
import { For, Show } from 'solid-js';
import type { RunResult } from '../../shared/result.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { formatMs, pagesToMiB, trim } from '../units/quantity.ts';

/** The kernel's enum migrate_reason name for each reason, for readers who grep. */
const KERNEL_REASON: Record<string, string> = {
  demotion: 'MR_DEMOTION',
  numa_misplaced: 'MR_NUMA_MISPLACED',
  daemon: 'MR_SYSCALL (daemon)',
  damon: 'MR_DAMON',
  syscall: 'MR_SYSCALL',
  compaction: 'MR_COMPACTION',
};

export function MigrationsPanel(props: { result: RunResult; pageSize: number }) {
  const flows = () => (props.result.migrations ?? []).filter((f) => f.pages > 0);
  const mib = (pages: number) => trim(pagesToMiB(pages, props.pageSize), 1);
  return (
    <div class="grid-2">
      <section class="panel" data-testid="migrations">
        <header class="panel-header">
          <h2>Migrations by reason</h2>
          <Show when={props.result.pingPong}>
            {(p) => (
              <span
                class="muted small"
                title={`Pages moved back across tiers within ${formatMs(p().windowMs)} of their previous move`}
              >
                ping-pong: {p().promotedThenDemoted.toLocaleString()} promoted then demoted,{' '}
                {p().demotedThenPromoted.toLocaleString()} demoted then promoted
              </span>
            )}
          </Show>
        </header>
        <Show
          when={flows().length > 0}
          fallback={
            <EmptyState title="No page moved between nodes" testid="migrations-empty">
              Nothing was demoted, promoted or moved in this run. Turn on demotion_enabled or numa_balancing =
              2 on Policies, or make DRAM smaller than the workload.
            </EmptyState>
          }
        >
          <table class="data-table">
            <thead>
              <tr>
                <th>reason</th>
                <th>from → to</th>
                <th class="num">pages</th>
                <th class="num">MiB</th>
              </tr>
            </thead>
            <tbody>
              <For each={flows()}>
                {(f) => (
                  <tr data-testid="migration-row">
                    <td>
                      <code>{f.reason}</code> <span class="muted small">{KERNEL_REASON[f.reason] ?? ''}</span>
                    </td>
                    <td>
                      node{f.from} → node{f.to}
                    </td>
                    <td class="num">{f.pages.toLocaleString()}</td>
                    <td class="num">{mib(f.pages)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </section>
      <section class="panel" data-testid="run-events">
        <header class="panel-header">
          <h2>Events</h2>
        </header>
        <Show when={props.result.events.length > 0} fallback={<p class="muted">No events.</p>}>
          <table class="data-table">
            <tbody>
              <For each={props.result.events}>
                {(e) => (
                  <tr class={e.kind === 'oom_kill' ? 'error-text' : ''}>
                    <td class="num">{formatMs(e.atMs)}</td>
                    <td>
                      <code>{e.kind}</code>
                    </td>
                    <td>
                      {e.task ? <code>{e.task}</code> : null} {e.detail}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </section>
    </div>
  );
}
