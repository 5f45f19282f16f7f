// One line of lackey output, parsed in place (no substrings): ` L 04033e06,1` is a data access,
// `I  0401ac0,3` an instruction fetch (skipped), `==123== ...` valgrind's banner (skipped).

/** A data access. The address is split into its high and low 32 bits so no precision is lost. */
export interface Access {
  /** Char code of L, S or M. */
  kind: number;
  hi: number;
  lo: number;
  /** Bytes, >= 1. */
  size: number;
}

export class LackeyError extends Error {
  readonly line: number;
  readonly text: string;
  constructor(line: number, text: string, reason = 'malformed lackey line') {
    const shown = text.length > 80 ? `${text.slice(0, 80)}...` : text;
    // JSON escapes the C0 controls; bytes from 0x7f up (binary garbage read as latin1) become \xNN,
    // so a garbage line cannot send a terminal control sequence with the message.
    const quoted = JSON.stringify(shown).replace(
      /[\u007f-\u00ff]/g,
      (c) => `\\x${c.charCodeAt(0).toString(16)}`,
    );
    super(`line ${line}: ${reason}: ${quoted}`);
    this.name = 'LackeyError';
    this.line = line;
    this.text = text;
  }
}

/**
 * One instruction's access: lackey reports loads and stores of at most a vector register, and helper
 * effects such as XSAVE of a few KiB. A size beyond this is not lackey output, and would make one
 * line a flood of page references (` L 0,999999999` spans 244,141 pages).
 */
export const MAX_ACCESS_BYTES = 1 << 20;

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const EQ = 0x3d;
const COMMA = 0x2c;
const L = 0x4c;
const S = 0x53;
const M = 0x4d;
const I = 0x49;

const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === CR;

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x57 : -1;
}

function malformed(s: string, start: number, end: number, lineNo: number): LackeyError {
  return new LackeyError(lineNo, s.slice(start, end));
}

function hexValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 16 + hexDigit(s.charCodeAt(i));
  return v;
}

/**
 * Parses `s[start, end)` into `out`. Returns false for a line to skip (blank, banner, instruction);
 * throws LackeyError naming `lineNo` for anything that is not lackey output.
 */
export function parseAccess(s: string, start: number, end: number, lineNo: number, out: Access): boolean {
  if (s.charCodeAt(start) === EQ && s.charCodeAt(start + 1) === EQ && start + 1 < end) return false;
  let e = end;
  while (e > start && isBlank(s.charCodeAt(e - 1))) e--;
  let i = start;
  while (i < e && isBlank(s.charCodeAt(i))) i++;
  if (i === e) return false;
  const kind = s.charCodeAt(i++);
  if (kind !== L && kind !== S && kind !== M && kind !== I) throw malformed(s, start, end, lineNo);
  if (i === e || !isBlank(s.charCodeAt(i))) throw malformed(s, start, end, lineNo);
  if (kind === I) return false;
  while (i < e && isBlank(s.charCodeAt(i))) i++;
  const hexStart = i;
  while (i < e && hexDigit(s.charCodeAt(i)) >= 0) i++;
  const digits = i - hexStart;
  if (digits === 0 || digits > 16 || s.charCodeAt(i) !== COMMA) throw malformed(s, start, end, lineNo);
  const split = Math.max(hexStart, i - 8);
  out.hi = hexValue(s, hexStart, split);
  out.lo = hexValue(s, split, i);
  const sizeStart = ++i;
  let size = 0;
  for (let c = s.charCodeAt(i); i < e && c >= 0x30 && c <= 0x39; c = s.charCodeAt(++i))
    size = size * 10 + (c - 0x30);
  if (i !== e || i === sizeStart || i - sizeStart > 9 || size === 0) throw malformed(s, start, end, lineNo);
  if (size > MAX_ACCESS_BYTES)
    throw new LackeyError(lineNo, s.slice(start, end), `an access of more than ${MAX_ACCESS_BYTES} bytes`);
  out.kind = kind;
  out.size = size;
  return true;
}
