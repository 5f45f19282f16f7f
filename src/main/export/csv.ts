// CSV as tidy data for pandas and R: one header row, one row per observation, plain numbers.
import { COUNTERS } from '../../shared/vmstat.ts';

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
export function samplesCsvHeader(
  leading: readonly string[] = [],
  afterTime: readonly string[] = [],
  counters: readonly string[] = COUNTERS,
): string {
  return csvLine([...leading, 'time_ms', ...afterTime, ...counters]);
}
