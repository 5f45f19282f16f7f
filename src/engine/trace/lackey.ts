// Valgrind lackey `--trace-mem=yes` parsing, fed text in chunks of any size: each data access
// becomes one page reference per page it spans, numbered by dense page id (first seen, first id).
// Memory grows with the footprint (a hash table slot and one byte per page), never with the trace.
// References and footprint are capped (TraceLimits), so a small file cannot ask for unbounded work.
import { LackeyError, parseAccess, type Access } from './lackey-line.ts';
import { createPageIds, pageIdOf, type PageIds } from './page-ids.ts';
import type { RefSink, TraceCounts } from './types.ts';

export { LackeyError } from './lackey-line.ts';

/** How much one trace may hold; past either, parsing stops with a TraceLimitError. */
export interface TraceLimits {
  /** Page references in the whole trace (a host replaying it keeps 4 bytes for each). */
  maxReferences: number;
  /** Distinct pages, the footprint. */
  maxPages: number;
}

/**
 * 2^26 references are 256 MiB as a replayed workload and a few seconds to parse (the fixture holds
 * 2^18); 2^24 pages are a 64 GiB footprint of 4 KiB pages, 1 to 2 GiB of parser and bounds state.
 * Example: ` L 0,1048576` (the largest access) spans 256 pages, so 262,144 such
 * lines, 3.4 MB of text that gzip packs into 7 KB, reach the reference limit.
 */
export const TRACE_LIMITS: Readonly<TraceLimits> = { maxReferences: 2 ** 26, maxPages: 2 ** 24 };

/** A trace larger than its TraceLimits: the message names the limit and the line it was passed at. */
export class TraceLimitError extends RangeError {
  override readonly name = 'TraceLimitError';
}

const TWO_POW_32 = 4294967296;
const BATCH = 4096;
/** A partial line longer than this is not lackey output (its lines are under 40 characters). */
const MAX_LINE = 4096;

export interface LackeyParser {
  readonly pageSize: number;
  readonly limits: Readonly<TraceLimits>;
  /** 2^32 / pageSize: how many pages one unit of an address's high 32 bits spans. */
  readonly pagesPerHigh: number;
  readonly idOf: PageIds;
  /** Per dense id: 1 once the page was stored to or modified. */
  written: Uint8Array;
  /** The previous reference's page and id: most references repeat it, so they skip the Map. */
  lastPage: number;
  lastId: number;
  readonly out: Uint32Array;
  nOut: number;
  /** The unterminated end of the previous chunk. */
  carry: string;
  lineNo: number;
  readonly counts: TraceCounts;
  readonly access: Access;
}

export function createLackeyParser(
  pageSize = 4096,
  limits: Readonly<TraceLimits> = TRACE_LIMITS,
): LackeyParser {
  if (!Number.isInteger(Math.log2(pageSize)) || pageSize < 1 || pageSize > 2 ** 30)
    throw new RangeError(`page size must be a power of two from 1 to 2^30 (got ${pageSize})`);
  // Dense ids are stored as `id * 2 + write` in a Uint32Array.
  if (!(limits.maxPages <= 2 ** 31 && limits.maxReferences <= Number.MAX_SAFE_INTEGER))
    throw new RangeError(`trace limits out of range: ${JSON.stringify(limits)}`);
  return {
    pageSize,
    limits,
    pagesPerHigh: TWO_POW_32 / pageSize,
    idOf: createPageIds(),
    written: new Uint8Array(1024),
    lastPage: -1,
    lastId: -1,
    out: new Uint32Array(BATCH),
    nOut: 0,
    carry: '',
    lineNo: 0,
    counts: { accesses: 0, loads: 0, stores: 0, modifies: 0, pageRefs: 0, pages: 0, pagesWritten: 0 },
    access: { kind: 0, hi: 0, lo: 0, size: 0 },
  };
}

/** Parses every complete line of `text` (a line may continue in the next chunk), then flushes to sink. */
export function lackeyFeed(p: LackeyParser, text: string, sink: RefSink): void {
  let pos = 0;
  if (p.carry !== '') {
    const nl = text.indexOf('\n');
    if (nl < 0) {
      p.carry += text;
      if (p.carry.length > MAX_LINE) throw new LackeyError(p.lineNo + 1, p.carry, 'line too long');
      return;
    }
    const line = p.carry + text.slice(0, nl);
    p.carry = '';
    lackeyLine(p, line, 0, line.length, sink);
    pos = nl + 1;
  }
  for (let nl = text.indexOf('\n', pos); nl >= 0; nl = text.indexOf('\n', pos)) {
    lackeyLine(p, text, pos, nl, sink);
    pos = nl + 1;
  }
  if (pos < text.length) {
    p.carry = text.slice(pos);
    if (p.carry.length > MAX_LINE) throw new LackeyError(p.lineNo + 1, p.carry, 'line too long');
  }
  lackeyFlush(p, sink);
}

/** Ends the input: parses a last line that had no newline, and flushes. */
export function lackeyEnd(p: LackeyParser, sink: RefSink): void {
  if (p.carry !== '') {
    const line = p.carry;
    p.carry = '';
    lackeyLine(p, line, 0, line.length, sink);
  }
  lackeyFlush(p, sink);
}

export function lackeyCounts(p: LackeyParser): TraceCounts {
  return { ...p.counts, pages: p.idOf.size };
}

function lackeyFlush(p: LackeyParser, sink: RefSink): void {
  if (p.nOut === 0) return;
  sink(p.out.subarray(0, p.nOut));
  p.nOut = 0;
}

/** One line, `s[start, end)`: a data access becomes references; I lines, banners and blanks are skipped. */
function lackeyLine(p: LackeyParser, s: string, start: number, end: number, sink: RefSink): void {
  p.lineNo++;
  const a = p.access;
  if (!parseAccess(s, start, end, p.lineNo, a)) return;
  const c = p.counts;
  c.accesses++;
  if (a.kind === 0x4c) c.loads++;
  else if (a.kind === 0x53) c.stores++;
  else c.modifies++;
  const write = a.kind === 0x4c ? 0 : 1;
  const first = a.hi * p.pagesPerHigh + Math.floor(a.lo / p.pageSize);
  let endLo = a.lo + a.size - 1;
  let endHi = a.hi;
  if (endLo >= TWO_POW_32) {
    endHi += Math.floor(endLo / TWO_POW_32);
    endLo %= TWO_POW_32;
  }
  const last = endHi * p.pagesPerHigh + Math.floor(endLo / p.pageSize);
  if (last > Number.MAX_SAFE_INTEGER)
    throw new LackeyError(p.lineNo, s.slice(start, end), 'page number beyond 2^53');
  // M is one reference per page, as a write: the read half of a read-modify-write is not counted.
  for (let page = first; page <= last; page++) pageRef(p, page, write, sink);
}

function pageRef(p: LackeyParser, page: number, write: number, sink: RefSink): void {
  if (p.counts.pageRefs === p.limits.maxReferences)
    throw tooLarge(p, `${p.limits.maxReferences} page references`);
  let id = p.lastId;
  if (page !== p.lastPage) {
    id = pageIdOf(p.idOf, page);
    if (id === p.limits.maxPages) throw tooLarge(p, `${p.limits.maxPages} distinct pages`);
    if (id >= p.written.length) {
      const grown = new Uint8Array(p.written.length * 2);
      grown.set(p.written);
      p.written = grown;
    }
    p.lastPage = page;
    p.lastId = id;
  }
  if (write && p.written[id] === 0) {
    p.written[id] = 1;
    p.counts.pagesWritten++;
  }
  p.counts.pageRefs++;
  p.out[p.nOut++] = id * 2 + write;
  if (p.nOut === p.out.length) lackeyFlush(p, sink);
}

function tooLarge(p: LackeyParser, limit: string): TraceLimitError {
  return new TraceLimitError(
    `line ${p.lineNo}: the trace goes past ${limit}, the most Tierlab reads from one trace`,
  );
}
