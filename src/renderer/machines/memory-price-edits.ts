// Edits of machine.memoryPrices as the machine editor makes them: a typed price read, a kind's price
// set or cleared (clearing the last leaves no memoryPrices, so the file keeps every default).
import type { MemoryKind } from '../../shared/scenario/resolved.ts';

/** A typed price: a plain decimal number, else null (the field keeps the text and says what it expected). */
export function price(text: string): number | null {
  const t = text.trim().replace(/\s*(usd)?(\/\s*gib)?$/i, '');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** The prices with `kind` set to `value` (or removed when emptied); undefined when none is left. */
export function withPrice(
  prices: Record<string, unknown> | undefined,
  kind: MemoryKind,
  value: unknown,
): Record<string, unknown> | undefined {
  const next = { ...prices };
  if (value === undefined) delete next[kind];
  else next[kind] = value;
  return Object.keys(next).length > 0 ? next : undefined;
}
