import { describe, expect, it } from 'vitest';
import {
  createLackeyParser,
  lackeyCounts,
  lackeyEnd,
  lackeyFeed,
  LackeyError,
  TraceLimitError,
} from './lackey.ts';
import { MAX_ACCESS_BYTES } from './lackey-line.ts';
import { pagesById } from './page-ids.ts';

/** Parses `chunks` in order and returns every reference as [dense id, write] plus the counts. */
function parse(chunks: string[], pageSize = 4096) {
  const p = createLackeyParser(pageSize);
  const refs: number[] = [];
  const sink = (batch: Uint32Array): void => void refs.push(...batch);
  for (const c of chunks) lackeyFeed(p, c, sink);
  lackeyEnd(p, sink);
  const pages = pagesById(p.idOf);
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

  it('takes an access of up to 1 MiB and refuses a larger one, which no instruction makes', () => {
    expect(parse([` L 0,${MAX_ACCESS_BYTES}\n`]).counts.pageRefs).toBe(256);
    const feed = (): void => lackeyFeed(createLackeyParser(), ' L 1000,4\n L 0,999999999\n', () => {});
    expect(feed).toThrow(`line 2: an access of more than ${MAX_ACCESS_BYTES} bytes: " L 0,999999999"`);
  });

  it('stops at its reference limit, naming the limit and the line that passed it', () => {
    const limits = { maxReferences: 10, maxPages: 100 };
    const exactly = createLackeyParser(4096, limits);
    lackeyFeed(exactly, ' L 0,4\n'.repeat(10), () => {});
    expect(exactly.counts.pageRefs).toBe(10);
    // The 11th reference is the second page of line 10's access.
    const feed = (): void =>
      lackeyFeed(createLackeyParser(4096, limits), ' L 0,4\n'.repeat(9) + ' L ffe,4\n', () => {});
    expect(feed).toThrow(TraceLimitError);
    expect(feed).toThrow(
      'line 10: the trace goes past 10 page references, the most Tierlab reads from one trace',
    );
  });

  it('stops at its footprint limit, naming the limit and the line that passed it', () => {
    const p = createLackeyParser(4096, { maxReferences: 1000, maxPages: 3 });
    expect(() => lackeyFeed(p, ' L 0,4\n S 1000,4\n L 0,4\n M 2000,4\n L 3000,4\n', () => {})).toThrow(
      'line 5: the trace goes past 3 distinct pages, the most Tierlab reads from one trace',
    );
  });

  it('shows a binary line with its bytes escaped, so a message cannot carry a terminal control sequence', () => {
    const garbage = '\u001b[2J\u009b6n\u00ff L';
    const feed = (): void => lackeyFeed(createLackeyParser(), `${garbage}\n`, () => {});
    expect(feed).toThrow('line 1: malformed lackey line: "\\u001b[2J\\x9b6n\\xff L"');
  });

  it('refuses a page size that is not a power of two', () => {
    expect(() => createLackeyParser(3000)).toThrow(RangeError);
  });
});
