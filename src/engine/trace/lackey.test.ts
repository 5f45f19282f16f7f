import { describe, expect, it } from 'vitest';
import { createLackeyParser, lackeyCounts, lackeyEnd, lackeyFeed, LackeyError } from './lackey.ts';

/** Parses `chunks` in order and returns every reference as [dense id, write] plus the counts. */
function parse(chunks: string[], pageSize = 4096) {
  const p = createLackeyParser(pageSize);
  const refs: number[] = [];
  const sink = (batch: Uint32Array): void => void refs.push(...batch);
  for (const c of chunks) lackeyFeed(p, c, sink);
  lackeyEnd(p, sink);
  const pages = [...p.idOf.keys()];
  return { refs: refs.map((r) => [pages[r >>> 1], r & 1]), counts: lackeyCounts(p) };
}

const SAMPLE = [
  '==4242== Lackey, an example Valgrind tool',
  'I  04011b0,3',
  ' L 04033e06,1',
  '',
  ' S 04033ad0,8',
  ' M 04033e06,1',
  ' L 1fff000738,8',
].join('\n');

describe('lackey parsing', () => {
  it('turns L, S and M lines into page references and skips instructions, banners and blank lines', () => {
    const { refs, counts } = parse([SAMPLE]);
    expect(refs).toEqual([
      [0x4033, 0],
      [0x4033, 1],
      [0x4033, 1],
      [0x1fff000, 0],
    ]);
    expect(counts).toEqual({
      accesses: 4,
      loads: 2,
      stores: 1,
      modifies: 1,
      pageRefs: 4,
      pages: 2,
      pagesWritten: 1,
    });
  });

  it('counts an access straddling a page boundary as two references, in ascending page order', () => {
    const { refs, counts } = parse([' L 0ffe,4\n S 2fff,1\n']);
    expect(refs).toEqual([
      [0, 0],
      [1, 0],
      [2, 1],
    ]);
    expect(counts.accesses).toBe(2);
    expect(counts.pageRefs).toBe(3);
  });

  it('counts a modify once per page, as a write', () => {
    const { refs, counts } = parse([' M 5ffc,8\n']);
    expect(refs).toEqual([
      [5, 1],
      [6, 1],
    ]);
    expect(counts).toMatchObject({ modifies: 1, pageRefs: 2, pagesWritten: 2 });
  });

  it('keeps every bit of addresses above 2^32, including a straddle that carries into the high half', () => {
    const { refs } = parse([' L ffffffff,2\n L ffffffffff600000,8\n L 1fff000fee,8\n']);
    expect(refs.map(([page]) => page)).toEqual([
      0xfffff,
      0x100000,
      Number(0xffffffffff600000n >> 12n),
      0x1fff000,
    ]);
  });

  it('numbers pages densely in order of first reference and repeats ids for repeated pages', () => {
    const p = createLackeyParser();
    const ids: number[] = [];
    lackeyFeed(p, ' L 9000,1\n L 1000,1\n L 9008,1\n S 1000,1\n', (b) => void ids.push(...b));
    expect(ids).toEqual([0, 2, 0, 3]);
  });

  it('gives the same references however the text is cut into chunks', () => {
    const whole = parse([SAMPLE + '\n']);
    for (let cut = 0; cut <= SAMPLE.length; cut++) {
      const a = SAMPLE.slice(0, cut);
      const b = SAMPLE.slice(cut);
      expect(parse([a, b])).toEqual(whole);
    }
    expect(parse([...SAMPLE])).toEqual(whole);
  });

  it('accepts CRLF line ends and trailing blanks', () => {
    expect(parse([' L 1000,4\r\n S 2000,4  \r\n']).counts.pageRefs).toBe(2);
  });

  it('uses the page size given', () => {
    const { refs } = parse([' L 1ff000,8192\n'], 2 << 20);
    expect(refs).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it.each([
    ['an unknown operation', ' X 1000,4'],
    ['a missing size', ' L 1000'],
    ['a zero size', ' L 1000,0'],
    ['a non-hex address', ' L 10g0,4'],
    ['an address of more than 64 bits', ' L 10000000000000000,4'],
    ['trailing garbage', ' S 1000,4 x'],
    ['no space after the operation', ' L1000,4'],
  ])('reports %s as a malformed line with its line number and text', (_what, line) => {
    const feed = (): void => lackeyFeed(createLackeyParser(), ` L 1000,4\n\n${line}\n L 2000,4\n`, () => {});
    expect(feed).toThrow(LackeyError);
    expect(feed).toThrow(`line 3: malformed lackey line: ${JSON.stringify(line)}`);
  });

  it('reports a malformed last line that has no newline', () => {
    const p = createLackeyParser();
    lackeyFeed(p, ' L 1000,4\n L 10', () => {});
    lackeyFeed(p, '00,', () => {});
    expect(() => lackeyEnd(p, () => {})).toThrow('line 2: malformed lackey line: " L 1000,"');
  });

  it('refuses a page size that is not a power of two', () => {
    expect(() => createLackeyParser(3000)).toThrow(RangeError);
  });
});
