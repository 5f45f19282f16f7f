// `tierlab trace stats FILE [--capacity PAGES ...] [--json]`: a lackey trace's counts and, per cache
// capacity, the hit ratios of exact LRU and of Belady's MIN (the bound no placement policy can beat).
import { TRACE_USAGE } from '../usage.ts';
import type { TraceStats } from '../../engine/trace/index.ts';
import { traceStats } from '../../main/trace/read-trace.ts';
import { intOption, parseCommandArgs, UsageError } from '../args.ts';

/** Throws UsageError for bad arguments and TraceError (src/main/trace) for an unreadable or malformed trace. */
export async function traceCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { capacity: { type: 'string', multiple: true }, json: { type: 'boolean' } },
    TRACE_USAGE,
  );
  const [sub, file, ...extra] = positionals;
  if (sub !== 'stats') throw new UsageError(`expected "stats"\nusage: ${TRACE_USAGE}`);
  if (!file || extra.length) throw new UsageError(`expected one trace file\nusage: ${TRACE_USAGE}`);
  const capacities = values.capacity?.map((c) => intOption('capacity', c, 1)!);
  const stats = await traceStats(file, capacities);
  process.stdout.write(values.json ? JSON.stringify(stats, null, 2) + '\n' : table(file, stats));
  return 0;
}

const percent = (ratio: number): string => `${(ratio * 100).toFixed(3)}%`;

function table(file: string, s: TraceStats): string {
  const lines = [
    `${file}: ${s.accesses} accesses (${s.loads} loads, ${s.stores} stores, ${s.modifies} modifies)`,
    `  ${s.pageRefs} page references to ${s.pages} pages (${s.pagesWritten} written), 4 KiB pages`,
    '',
    ['capacity', 'LRU hits', 'LRU ratio', 'MIN hits', 'MIN ratio', 'MIN - LRU']
      .map((h) => h.padStart(11))
      .join(''),
  ];
  for (const c of s.capacities) {
    const row = [
      c.pages,
      c.lruHits,
      percent(c.lruHitRatio),
      c.optHits,
      percent(c.optHitRatio),
      `${((c.optHitRatio - c.lruHitRatio) * 100).toFixed(3)} pp`,
    ];
    lines.push(row.map((v) => String(v).padStart(11)).join(''));
  }
  return lines.join('\n') + '\n';
}
