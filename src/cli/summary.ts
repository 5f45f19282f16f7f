// The short human summary of a result: what a kernel developer looks at first.
import { machineHitRatio } from '../shared/hit-ratio.ts';
import type { RunResult, TaskResult } from '../shared/result.ts';
import { formatSize } from '../shared/units.ts';

const HEADLINE = [
  'pgdemote_kswapd',
  'pgdemote_direct',
  'pgpromote_success',
  'pswpout',
  'pswpin',
  'allocstall_normal',
  'numa_miss',
  'oom_kill',
] as const;

const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

/** A trace replay's yardsticks at the same top-tier capacity: exact LRU, and MIN, which nothing beats. */
function traceBounds(t: TaskResult): string {
  if (!t.trace) return '';
  const { fastTierPages, lruFastTierHitRatio, optimalFastTierHitRatio } = t.trace;
  return ` (at ${fastTierPages} top-tier pages: LRU ${percent(lruFastTierHitRatio)}, MIN ${percent(optimalFastTierHitRatio)})`;
}

/** ", kernel 6.12", ", the series' own kernel", or nothing for a result from before versions. */
function kernelNote(r: RunResult): string {
  if (r.kernel === undefined) return '';
  return r.kernel === null ? ", the series' own kernel" : `, kernel ${r.kernel}`;
}

export function formatSummary(r: RunResult, pageSize = 4096): string {
  const lines = [
    `${r.name}: ${(r.simulatedMs / 1000).toFixed(1)}s simulated in ${(r.wallMs / 1000).toFixed(2)}s (seed ${r.seed}, ${r.engine} engine ${r.engineVersion}${kernelNote(r)})`,
  ];
  for (const n of r.nodes) {
    const demote = n.demotionTargets.preferred.length
      ? ` -> demotes to ${n.demotionTargets.preferred.join(',')}`
      : '';
    lines.push(
      `  node ${n.id} ${n.memory.padEnd(4)} memory_tier${n.tier}${demote}: free ${formatSize(n.freePages * pageSize)}, ` +
        `anon ${formatSize(n.anonPages * pageSize)}, file ${formatSize(n.filePages * pageSize)}`,
    );
  }
  // A counter its kernel does not print is left out, not shown as 0.
  lines.push(
    '  ' +
      HEADLINE.filter((k) => r.vmstat[k] !== undefined)
        .map((k) => `${k} ${r.vmstat[k]}`)
        .join('  '),
  );
  const hitRatio = machineHitRatio(r);
  if (!Number.isNaN(hitRatio))
    lines.push(`  fast-tier hit ratio ${percent(hitRatio)} (top-tier hits / all references)`);
  for (const t of r.tasks) {
    const state = t.oomKilled ? ' (OOM-killed)' : t.finished ? '' : ' (still running)';
    lines.push(
      `  task ${t.name}: ${t.references} refs, ${(t.throughput / 1e6).toFixed(2)} M refs/s, ${t.meanLatencyNs.toFixed(0)} ns/ref, ` +
        `fast-tier hit ratio ${percent(t.fastTierHitRatio)}${traceBounds(t)}${state}`,
    );
  }
  for (const e of r.events.filter((e) => e.kind === 'oom_kill'))
    lines.push(`  ${e.atMs.toFixed(1)} ms: ${e.detail}`);
  return lines.join('\n') + '\n';
}
