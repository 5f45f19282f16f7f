// Binary sizes as users write them ("384MiB", "4K", 4096) and as we print them back. K, M, G and T
// are binary, as the kernel's memparse() reads them; "kB", "MB", "GB" and "TB" are refused, because
// SI means 1000 while /proc/meminfo's "kB" means 1024, and either silent reading surprises someone.

const BINARY: Record<string, number> = {
  b: 1,
  k: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tib: 1024 ** 4,
};

/** The ambiguous spellings: their SI factor and binary unit, for a message that gives both readings. */
const AMBIGUOUS: Record<string, { si: number; binary: string }> = {
  kb: { si: 1e3, binary: 'K' },
  mb: { si: 1e6, binary: 'M' },
  gb: { si: 1e9, binary: 'G' },
  tb: { si: 1e12, binary: 'T' },
};

/** One line for hints: what the size fields read. */
export const SIZE_UNITS_RULE =
  'K/KiB = 1024 bytes, M/MiB, G/GiB, T/TiB: binary, as the kernel reads "1G"; kB/MB/GB are refused as ambiguous';

/** A failed reading says why; `ambiguous` for an SI unit ("0.5GB"), whose reason says what to write. */
export type SizeReading = { ok: true; bytes: number } | { ok: false; reason: string; ambiguous?: true };

const SIZE_TEXT = /^\s*(-?(?:\d+(?:\.\d*)?|\.\d+))\s*([a-zA-Z]*)\s*$/;

/**
 * Reads a size: a number of bytes, or a string such as "384MiB", "1.5 GiB", "4k". Fractions of a
 * unit round to the nearest byte. Unreadable values get a reason in words; an ambiguous SI unit
 * ("0.5GB") gets one that names both readings and what to write for each.
 */
export function readSize(value: unknown): SizeReading {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, bytes: value } : { ok: false, reason: 'not a finite number' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'not a number or a size text' };
  const m = SIZE_TEXT.exec(value);
  if (!m) return { ok: false, reason: `"${value}" is not a number with an optional unit` };
  const number = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  const factor = BINARY[unit || 'b'];
  if (factor !== undefined) return { ok: true, bytes: Math.round(number * factor) };
  const si = AMBIGUOUS[unit];
  if (si === undefined) return { ok: false, reason: `unknown unit "${m[2]}"; ${SIZE_UNITS_RULE}` };
  const text = (m[1] ?? '').replace(/^(-?)\./, '$10.');
  const decimal = Math.round(number * si.si);
  const binary = Math.round(number * BINARY[si.binary.toLowerCase()]!);
  return {
    ok: false,
    ambiguous: true,
    reason:
      `"${value.trim()}" is ambiguous: ${decimal} bytes in SI units, ${binary} as the kernel reads ` +
      `"${text}${si.binary}"; write ${text}${si.binary}iB or ${text}${si.binary} for binary, ` +
      `or ${decimal} for decimal bytes`,
  };
}

/** readSize's bytes, or null when unreadable (the reason is in readSize). */
export function parseSize(value: unknown): number | null {
  const r = readSize(value);
  return r.ok ? r.bytes : null;
}

/** Formats bytes with the largest binary unit that keeps the number at or above 1, e.g. "1.5GiB". */
export function formatSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const text = Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/\.?0+$/, '');
  return `${text}${units[i]}`;
}
