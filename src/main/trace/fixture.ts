// Test and bench support: the lackey fixture in ../shared/fixtures/traces and its independently
// computed oracle, read with our field names.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TraceStats } from '../../engine/trace/index.ts';

/** `/bin/ls /usr/bin` traced by valgrind lackey: 200,000 data accesses, gzip. */
export const LS_TRACE = fileURLToPath(
  new URL('../../../../shared/fixtures/traces/ls_usr_bin.lackey.gz', import.meta.url),
);

interface OracleTrace {
  accesses: number;
  loads: number;
  stores: number;
  modifies: number;
  page_refs: number;
  pages: number;
  pages_written: number;
  capacities: {
    pages: number;
    lru_hits: number;
    lru_hit_ratio: number;
    opt_hits: number;
    opt_hit_ratio: number;
  }[];
}

/** The fixture's oracle (ls_usr_bin.oracle.json), renamed to the keys `tierlab trace stats --json` prints. */
export function lsOracle(): TraceStats {
  const text = readFileSync(LS_TRACE.replace('.lackey.gz', '.oracle.json'), 'utf8');
  const o = (JSON.parse(text) as Record<string, OracleTrace>)['ls_usr_bin.lackey.gz']!;
  return {
    accesses: o.accesses,
    loads: o.loads,
    stores: o.stores,
    modifies: o.modifies,
    pageRefs: o.page_refs,
    pages: o.pages,
    pagesWritten: o.pages_written,
    capacities: o.capacities.map((c) => ({
      pages: c.pages,
      lruHits: c.lru_hits,
      lruHitRatio: c.lru_hit_ratio,
      optHits: c.opt_hits,
      optHitRatio: c.opt_hit_ratio,
    })),
  };
}
