// CSV as tidy data for pandas and R: one header row, one row per observation, plain numbers.
import { COUNTERS, NR_COUNTERS } from '../../shared/vmstat.ts';
import { globalRow, nodeRow, sampleRows, type SampleBatch } from '../../shared/samples.ts';

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

/** The machine-wide rows of a batch (/proc/vmstat sums over nodes), one line per sample. */
export function samplesCsvRows(batch: SampleBatch, leading: readonly (string | number)[] = []): string {
  const row = new Float64Array(NR_COUNTERS);
  let out = '';
  for (let r = 0; r < sampleRows(batch); r++) {
    globalRow(batch, r, row);
    out += [...leading.map(csvField), batch.timesMs[r]!, ...row].join(',') + '\n';
  }
  return out;
}

/** The per-node rows of a batch (nodeN/vmstat), one line per sample per node: time, node, counters. */
export function samplesCsvNodeRows(batch: SampleBatch): string {
  let out = '';
  for (let r = 0; r < sampleRows(batch); r++) {
    for (let node = 0; node < batch.nrNodes; node++)
      out += `${batch.timesMs[r]!},${node},${nodeRow(batch, r, node).join(',')}\n`;
  }
  return out;
}
