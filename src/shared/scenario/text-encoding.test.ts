import { describe, expect, it } from 'vitest';
import { encodingError, firstInvalidUtf8 } from './text-encoding.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('scenario file encodings', () => {
  it('accepts UTF-8, with or without a byte-order mark', () => {
    expect(encodingError(utf8('{"name": "Größe 😀"}'))).toBeNull();
    expect(encodingError(utf8('\uFEFF{}'))).toBeNull();
    expect(encodingError(bytes())).toBeNull();
  });

  it('refuses UTF-16 and UTF-32, with a byte-order mark or without', () => {
    const bom = 'not UTF-8: it starts with a UTF-16 or UTF-32 byte-order mark; save the file as UTF-8';
    expect(encodingError(bytes(0xff, 0xfe, 0x7b, 0))?.message).toBe(bom);
    expect(encodingError(bytes(0xfe, 0xff, 0, 0x7b))?.message).toBe(bom);
    expect(encodingError(bytes(0, 0, 0xfe, 0xff))?.message).toBe(bom);
    expect(encodingError(bytes(0x7b, 0, 0x7d, 0))?.message).toBe(
      'not UTF-8: it has NUL bytes between its characters, as UTF-16 does; save the file as UTF-8',
    );
  });

  it('locates a Latin-1 byte by line and column in characters', () => {
    const text = [...utf8('{\n  "name": "é'), 0xe9, ...utf8('"\n}')];
    expect(encodingError(Uint8Array.from(text))).toEqual({
      path: '',
      message: 'not valid UTF-8 at line 2, column 13 (byte 0xE9); save the file as UTF-8',
    });
  });

  it.each([
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong slash', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short by the end', [0x61, 0xe2, 0x82], 1],
    ['a byte UTF-8 never uses', [0x61, 0x62, 0xff], 2],
  ])('finds %s', (_what, b, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(b))).toBe(at);
  });

  it('agrees with a fatal TextDecoder on every first two bytes of a sequence', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const disagree: number[][] = [];
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b++) {
        const sequence = bytes(a, b, 0x80, 0x80);
        let valid = true;
        try {
          decoder.decode(sequence);
        } catch {
          valid = false;
        }
        if (valid !== firstInvalidUtf8(sequence) < 0) disagree.push([a, b]);
      }
    }
    expect(disagree).toEqual([]);
  });
});
