// CSV as tidy data for pandas and R: one header row, one row per observation, plain numbers.
import { COUNTERS, NR_COUNTERS } from '../../shared/vmstat.ts';
import { globalRow, sampleRows, type SampleBatch } from '../../shared/samples.ts';

/** Quotes a field only when it needs it (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + '\n';
}

/** Header of a samples CSV: leading id columns, then time, then one column per counter. */
export function samplesCsvHeader(leading: readonly string[] = []): string {
  return csvLine([...leading, 'time_ms', ...COUNTERS]);
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
