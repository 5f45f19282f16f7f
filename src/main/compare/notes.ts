// Notes a reader must not miss beside the statistics: a run that swapped heavily, or a run that lost
// most of its throughput against the baseline group (a table of percentages hides both too easily).
import type { RunResult } from '../../shared/result.ts';
import { hmean } from './stats.ts';

/** pswpout above this share of the machine's memory (all nodes' capacity) is heavy swapping. */
export const HEAVY_SWAP_SHARE = 0.1;
/** Throughput below this share of the baseline group's Hmean is "lost most of it". */
export const LOST_THROUGHPUT_SHARE = 0.5;

export interface NotedGroup {
  label: string;
  runIds: readonly number[];
  results: readonly RunResult[];
}

const throughput = (r: RunResult): number => r.tasks.reduce((sum, t) => sum + t.throughput, 0);

/** One line per noteworthy run, groups in the order given; `baseline` indexes `groups`. */
export function comparisonNotes(groups: readonly NotedGroup[], baseline: number): string[] {
  const base = groups[baseline];
  const baseThroughput = base ? hmean(base.results.map(throughput)) : NaN;
  const notes: string[] = [];
  groups.forEach((g, gi) => {
    g.results.forEach((r, i) => {
      const runId = g.runIds[i];
      const memory = r.nodes.reduce((sum, n) => sum + n.capacityPages, 0);
      const swapped = r.vmstat.pswpout ?? 0;
      if (memory > 0 && swapped > HEAVY_SWAP_SHARE * memory) {
        const pct = ((swapped * 100) / memory).toFixed(0);
        notes.push(
          `run ${runId} (${g.label}) swapped heavily: pswpout ${swapped} pages, ${pct}% of its memory`,
        );
      }
      const t = throughput(r);
      if (gi !== baseline && baseThroughput > 0 && t < LOST_THROUGHPUT_SHARE * baseThroughput) {
        const lost = (100 - (t * 100) / baseThroughput).toFixed(0);
        notes.push(`run ${runId} (${g.label}) lost ${lost}% of the baseline's throughput`);
      }
    });
  });
  return notes;
}
