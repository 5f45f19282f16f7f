// CSV as tidy data for pandas and R: one header row, one row per observation, plain numbers.
import { COUNTERS } from '../../shared/vmstat.ts';
import type { SampleBatch, SampleColumns } from '../../shared/samples.ts';

/** Quotes a field only when it needs it (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + '\n';
}

/** Header of a samples CSV: leading id columns, time, columns after time (`node`), one per counter. */
export function samplesCsvHeader(leading: readonly string[] = [], afterTime: readonly string[] = []): string {
  return csvLine([...leading, 'time_ms', ...afterTime, ...COUNTERS]);
}

/**
 * A batch's CSV lines: machine-wide, one per sample (`time_ms,counters...`), or per node, one per
 * sample per node in node order (`time_ms,node,counters...`), each led by `lead` (e.g. `3,` for the
 * run id). Counters in COUNTERS order, as samplesCsvHeader names them.
 */
export function samplesCsvLines(batch: SampleBatch, perNode: boolean, lead = ''): string {
  const inOrder = (columns: SampleColumns) => COUNTERS.map((name) => columns[name] ?? []);
  const parts = perNode
    ? Object.keys(batch.nodes)
        .map(Number)
        .sort((a, b) => a - b)
        .map((id) => ({ node: [id], columns: inOrder(batch.nodes[id]!) }))
    : [{ node: [], columns: inOrder(batch.counters) }];
  // One reused row per part, filled and joined per line: ~5x faster than growing a line field by field.
  const rows: (number | string)[][] = parts.map(({ node }) => [0, ...node, ...COUNTERS.map(() => 0)]);
  const lines: string[] = [];
  for (let r = 0; r < batch.timesMs.length; r++) {
    parts.forEach(({ node, columns }, p) => {
      const row = rows[p]!;
      row[0] = lead + batch.timesMs[r]!;
      const at = 1 + node.length;
      for (let c = 0; c < columns.length; c++) row[at + c] = columns[c]![r]!;
      lines.push(row.join(','));
    });
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
