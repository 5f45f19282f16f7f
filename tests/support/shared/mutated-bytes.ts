// Text and byte mutants of valid scenario files, for what only a file reader sees: JSON cut short
// or not quite JSON, and encodings other than UTF-8. Built by hand, so this module needs no
// TextEncoder (shared code compiles without DOM or Node types).
import type { Mutant, Seed } from './mutated-corpus.ts';

/** UTF-8 bytes of a string, code point by code point. */
export function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** UTF-16 code units as bytes, in either byte order. */
function utf16(text: string, littleEndian: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out.push(...(littleEndian ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return out;
}

/** The file's text with `bytes` put into its name string, right after the opening quote. */
function inName(text: string, bytes: number[]): number[] {
  const at = text.indexOf('"name": "') + '"name": "'.length;
  return [...utf8(text.slice(0, at)), ...bytes, ...utf8(text.slice(at))];
}

function textMutants(seed: Seed, text: string): Mutant[] {
  const cuts = [1, 2, 3, 4, 5, 6].map((k) => Math.floor((text.length * k) / 7));
  const texts: [string, string][] = [
    ...cuts.map((c): [string, string] => [`cut at character ${c}`, text.slice(0, c)]),
    ['without its last brace', text.slice(0, text.lastIndexOf('}'))],
    ['empty', ''],
    ['20000 open objects', '{"a":'.repeat(20_000)],
    ['a trailing comma', text.replace(/\n}\s*$/, ',\n}\n')],
    ['single-quoted keys', text.replace('"format"', "'format'")],
    ['a comment line', `// a scenario\n${text}`],
    ['a NaN literal', text.replace(/"seed": \d+/, '"seed": NaN')],
    ['two documents', `${text}\n${text}`],
  ];
  return texts.map(([what, t]) => ({ kind: 'truncated', name: `${seed.name} text ${what}`, text: t }));
}

function byteMutants(seed: Seed, text: string): Mutant[] {
  const bytes: [string, number[]][] = [
    ['a UTF-8 byte-order mark', [0xef, 0xbb, 0xbf, ...utf8(text)]],
    ['UTF-16LE with a byte-order mark', [0xff, 0xfe, ...utf16(text, true)]],
    ['UTF-16BE with a byte-order mark', [0xfe, 0xff, ...utf16(text, false)]],
    ['UTF-16LE without a byte-order mark', utf16(text, true)],
    [
      'UTF-32LE with a byte-order mark',
      [0xff, 0xfe, 0, 0, ...utf16(text, true).flatMap((b, i) => (i % 2 ? [b, 0, 0] : [b]))],
    ],
    ['a Latin-1 é in the name', inName(text, [0xe9])],
    ['a lone continuation byte in the name', inName(text, [0x80])],
    ['an overlong slash in the name', inName(text, [0xc0, 0xaf])],
    ['a UTF-16 surrogate in the name', inName(text, [0xed, 0xa0, 0x80])],
    ['a NUL byte in the name', inName(text, [0])],
    ['a name cut inside a character', inName(text, [0xe2, 0x82])],
  ];
  return bytes.map(([what, b]) => ({
    kind: 'encoding',
    name: `${seed.name} bytes ${what}`,
    bytes: Uint8Array.from(b),
  }));
}

/** Every text and byte mutant of every seed, from the seed written as an editor would save it. */
export function fileMutants(seeds: readonly Seed[]): Mutant[] {
  return seeds.flatMap((seed) => {
    const text = `${JSON.stringify(seed.document, null, 2)}\n`;
    return [...textMutants(seed, text), ...byteMutants(seed, text)];
  });
}

/**
 * JSON text of a value without recursion (JSON.stringify overflows the stack on the corpus's
 * 6000-level documents in a worker thread): a stack of pending text pieces and values.
 */
export function jsonText(value: unknown): string {
  const out: string[] = [];
  const stack: ({ text: string } | { value: unknown })[] = [{ value }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const v = item.value;
    if (typeof v !== 'object' || v === null) {
      out.push(JSON.stringify(v) ?? 'null');
      continue;
    }
    const entries: [string | null, unknown][] = Array.isArray(v)
      ? v.map((x: unknown) => [null, x])
      : Object.entries(v);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    out.push(open);
    stack.push({ text: close });
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push({ value: child });
      const comma = i > 0 ? ',' : '';
      if (key !== null) stack.push({ text: `${comma}${JSON.stringify(key)}:` });
      else if (comma) stack.push({ text: comma });
    }
  }
  return out.join('');
}

/** What a mutant's file holds. */
export function fileContents(m: Mutant): string | Uint8Array {
  return 'bytes' in m ? m.bytes : 'text' in m ? m.text : jsonText(m.document);
}
