// Sizes written back as text only when the text is exact: formatSize rounds to two decimals, so
// 3000 bytes prints as "2.93KiB", which would read back as 3000 only by the luck of rounding.
import { formatSize } from '../units.ts';

const UNIT_BYTES: Record<string, number> = {
  B: 1,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
};

/** formatSize's text when it denotes exactly `bytes`, else undefined. */
export function exactSizeText(bytes: number): string | undefined {
  const text = formatSize(bytes);
  const m = /^(\d+(?:\.\d+)?)([A-Za-z]+)$/.exec(text);
  const unit = m && UNIT_BYTES[m[2] ?? ''];
  return m && unit && Number(m[1]) * unit === bytes ? text : undefined;
}
