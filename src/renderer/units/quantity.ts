// Quantities as users type them in forms ("60s", "305ns", "6600MB/s") and as we print them.
// Sizes use src/shared/units.ts (binary units, as the kernel's memparse); this adds time and rates.

type UnitTable = Readonly<Record<string, number>>;

/** Multipliers to milliseconds. */
export const TIME_MS: UnitTable = { ms: 1, s: 1000, sec: 1000, min: 60_000, h: 3_600_000 };
/** Multipliers to nanoseconds. */
export const LATENCY_NS: UnitTable = { ns: 1, us: 1000, µs: 1000, ms: 1e6 };
/** Multipliers to GB/s (decimal, as bandwidth is quoted). */
export const BANDWIDTH_GBPS: UnitTable = { 'gb/s': 1, gbps: 1, 'mb/s': 1e-3, mbps: 1e-3, 'tb/s': 1000 };

/**
 * A number with an optional unit from `units`; a bare number is already in the base unit.
 * Returns null for anything else, so the caller can say what was expected.
 */
export function parseQuantity(text: string, units: UnitTable): number | null {
  const m = /^\s*(-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([a-zA-Zµ/]*)\s*$/i.exec(text);
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase();
  const factor = unit === '' ? 1 : units[unit];
  if (factor === undefined) return null;
  const value = Number(m[1]) * factor;
  return Number.isFinite(value) ? value : null;
}

/** "250 ms", "1.5 s", "2 min": a duration in the largest unit that keeps it readable. */
export function formatMs(ms: number): string {
  if (ms === 0) return '0';
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${trim(ms / 1000)} s`;
  return `${trim(ms)} ms`;
}

/** Up to `digits` decimals, trailing zeros dropped. */
export function trim(value: number, digits = 2): string {
  return value.toFixed(digits).replace(/\.?0+$/, '');
}

/** 1234567 -> "1.23M": counters in a table cell. */
export function formatCount(value: number): string {
  const abs = Math.abs(value);
  if (!Number.isFinite(value)) return '–';
  if (abs >= 1e9) return `${trim(value / 1e9)}G`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3, 1)}k`;
  return trim(value);
}

/** Pages to MiB, for a page size in bytes. */
export function pagesToMiB(pages: number, pageSize: number): number {
  return (pages * pageSize) / 1048576;
}
