// Rows of numbers as CSV text, written as ASCII bytes into one reused buffer and decoded once: a
// million-row export spent most of its time in `row.join(',')` turning each number into a string.
// The text is exactly what `lead + row.join(',')` lines ended by '\n' give: a safe integer's
// decimal digits (what String() prints for it, -0 as "0"), anything else through String(), and a
// null as an empty cell.

/** Bytes a cell on the fast path takes at most, with its comma: ",-9007199254740991". */
const MAX_INT_CELL = 18;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const ZERO = 0x30;

let buf = Buffer.allocUnsafe(1 << 22);

/** Room for `more` bytes after `used`, keeping what is written; returns the (maybe new) buffer. */
function ensure(used: number, more: number): Buffer {
  if (used + more > buf.length) {
    const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, used + more));
    buf.copy(bigger, 0, 0, used);
    buf = bigger;
  }
  return buf;
}

/** "00".."99" as byte pairs: two digits per division halves the divisions of a long number. */
const PAIRS = Buffer.from(
  Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).join(''),
  'latin1',
);

/** Writes a non-negative safe integer's digits into b at `at`; returns the end. */
function writeDigits(b: Buffer, n: number, at: number): number {
  if (n < 10) {
    b[at] = ZERO + n;
    return at + 1;
  }
  let digits = 2;
  for (let p = 100; p <= n; p *= 10) digits++;
  const end = at + digits;
  let i = end;
  for (; n >= 2 ** 31; i -= 2) {
    const q = Math.floor(n / 100);
    const r = (n - q * 100) * 2;
    b[i - 2] = PAIRS[r]!;
    b[i - 1] = PAIRS[r + 1]!;
    n = q;
  }
  let small = n | 0; // int32 arithmetic once the rest fits
  for (; small >= 100; i -= 2) {
    const q = (small / 100) | 0;
    const r = (small - q * 100) * 2;
    b[i - 2] = PAIRS[r]!;
    b[i - 1] = PAIRS[r + 1]!;
    small = q;
  }
  if (small >= 10) {
    b[i - 2] = PAIRS[small * 2]!;
    b[i - 1] = PAIRS[small * 2 + 1]!;
  } else b[i - 1] = ZERO + small;
  return end;
}

/**
 * `rows.map((row) => lead + row.join(',')).join('\n')` plus a final '\n' when there are rows, for
 * rows of numbers and nulls (`lead` is ASCII, e.g. "3,").
 */
export function csvRows(lead: string, rows: readonly (readonly (number | null)[])[]): string {
  let at = 0;
  for (const row of rows) {
    const n = row.length;
    let b = ensure(at, lead.length + n * MAX_INT_CELL + 1);
    at += b.write(lead, at, 'latin1');
    for (let c = 0; c < n; c++) {
      if (c > 0) b[at++] = COMMA;
      const v = row[c]!;
      if (v === null) continue;
      if (Number.isSafeInteger(v)) {
        // -0 is not < 0 and prints "0", as String(-0) does.
        if (v < 0) b[at++] = MINUS;
        at = writeDigits(b, v < 0 ? -v : v, at);
      } else {
        const s = String(v);
        b = ensure(at, s.length + (n - c) * MAX_INT_CELL + 1);
        at += b.write(s, at, 'latin1');
      }
    }
    b[at++] = NEWLINE;
  }
  return buf.toString('latin1', 0, at);
}
