// Documents (scenarios, parts, results) are stored as JSON text. Reading gives `unknown` on purpose:
// a stored document may predate the current format, so callers validate it as they would a file.
import { createHash } from 'node:crypto';

export function toJsonText(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (typeof text !== 'string') throw new Error(`${what} cannot be stored as JSON.`);
  return text;
}

export function fromJsonText(text: string): unknown {
  return JSON.parse(text);
}

/**
 * sha256 (hex) of the value's canonical JSON: object keys sorted at every level, so the same content
 * hashes the same whichever order a tool wrote its keys in.
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return toJsonText(
    JSON.parse(toJsonText(value, 'The value'), (_key, v: unknown) => (isPlainObject(v) ? sortKeys(v) : v)),
    'The value',
  );
}

function sortKeys(object: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) sorted[key] = object[key];
  return sorted;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
