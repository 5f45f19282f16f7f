// A scenario file's bytes before they are text. JSON files are UTF-8 (RFC 8259, section 8.1), so a
// file saved as UTF-16 or with stray Latin-1 bytes is refused with where and what, instead of being
// decoded into replacement characters that then fail as JSON somewhere unrelated.
import type { ScenarioError } from './errors.ts';

const SAVE_AS = 'save the file as UTF-8';

/** Offset of the first byte that does not continue a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The lead byte fixes how many bytes follow and the range of the first of them: the ranges
    // exclude overlong forms, UTF-16 surrogates (0xED 0xA0..) and code points above U+10FFFF.
    let follow: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) follow = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      follow = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      follow = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= follow; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += follow + 1;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset in valid UTF-8 up to that offset. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) [line, column] = [line + 1, 1];
    else if ((b & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

/** Why `bytes` are not UTF-8 text, as an error for the whole file; null when they are. */
export function encodingError(bytes: Uint8Array): ScenarioError | null {
  const [b0, b1] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 === 0)) {
    return { path: '', message: `not UTF-8: it starts with a UTF-16 or UTF-32 byte-order mark; ${SAVE_AS}` };
  }
  // A JSON text starts with an ASCII character, so a NUL beside it is the other half of UTF-16.
  if (b0 === 0 || b1 === 0) {
    return {
      path: '',
      message: `not UTF-8: it has NUL bytes between its characters, as UTF-16 does; ${SAVE_AS}`,
    };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return null;
  const { line, column } = position(bytes, bad);
  const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    path: '',
    message: `not valid UTF-8 at line ${line}, column ${column} (byte 0x${byte}); ${SAVE_AS}`,
  };
}
