import { describe, expect, it } from 'vitest';
import { COUNTERS, DERIVED, counterLabel, derivedFrom, recordedCounters } from './vmstat.ts';

describe('vmstat counters', () => {
  it("marks swap in use as derived: the kernel's /proc/vmstat has no such counter", () => {
    expect(counterLabel('nr_swap_used')).toBe('nr_swap_used (derived)');
    expect(derivedFrom('nr_swap_used')).toMatch(/SwapTotal - SwapFree of \/proc\/meminfo/);
  });

  it("shows the kernel's own counters under their exact names", () => {
    expect(counterLabel('pgdemote_kswapd')).toBe('pgdemote_kswapd');
    expect(derivedFrom('nr_free_pages')).toBeUndefined();
  });

  it('keeps the stored names, so existing databases and CSV files still read', () => {
    expect(COUNTERS).toContain('nr_swap_used');
    expect(Object.keys(DERIVED).every((name) => (COUNTERS as readonly string[]).includes(name))).toBe(true);
  });
});

describe('the counters each kernel records', () => {
  const has = (kernel: '6.1' | '6.12', scope: 'machine' | 'node', name: string) =>
    (recordedCounters(kernel, scope) as readonly string[]).includes(name);

  it('keeps pgdemote_* per node on 6.12 only (moved to node_stat_item in v6.8)', () => {
    expect(has('6.12', 'node', 'pgdemote_kswapd')).toBe(true);
    expect(has('6.12', 'node', 'pgdemote_direct')).toBe(true);
    expect(has('6.1', 'node', 'pgdemote_kswapd')).toBe(false);
    expect(has('6.1', 'node', 'pgdemote_direct')).toBe(false);
    expect(has('6.1', 'machine', 'pgdemote_kswapd')).toBe(true);
  });

  it('records pgpromote_candidate_nrl (v6.17) and numa_pages_promoted (never merged) on neither', () => {
    for (const kernel of ['6.1', '6.12'] as const)
      for (const scope of ['machine', 'node'] as const) {
        expect(has(kernel, scope, 'pgpromote_candidate_nrl')).toBe(false);
        expect(has(kernel, scope, 'numa_pages_promoted')).toBe(false);
        expect(has(kernel, scope, 'pgpromote_candidate')).toBe(true);
      }
  });

  it('invents no khugepaged or proactive demotion, which nothing modelled counts', () => {
    expect(has('6.12', 'machine', 'pgdemote_khugepaged')).toBe(false);
    expect(has('6.12', 'machine', 'pgdemote_proactive')).toBe(false);
  });

  it('leaves the other counters alone: twenty-four fewer machine-wide, twenty-six fewer per node on 6.1', () => {
    // pgdemote_khugepaged, pgdemote_proactive, pgscan_proactive, pgsteal_proactive,
    // pgpromote_candidate_nrl, numa_pages_promoted, Colloid's five (its fork's only), NOMAD's
    // module's six and MEMTIS's seven; per node on 6.1 also pgdemote_kswapd and pgdemote_direct.
    expect(recordedCounters('6.12', 'machine').length).toBe(COUNTERS.length - 24);
    expect(recordedCounters('6.1', 'machine').length).toBe(COUNTERS.length - 24);
    expect(recordedCounters('6.12', 'node').length).toBe(COUNTERS.length - 24);
    expect(recordedCounters('6.1', 'node').length).toBe(COUNTERS.length - 26);
    expect(recordedCounters('6.12', 'machine')).not.toContain('colloid_demote');
    expect(recordedCounters('6.12', 'machine')).not.toContain('nomad_tpm_commit');
    expect(recordedCounters('6.12', 'machine')).not.toContain('htmm_nr_sampled');
    expect(recordedCounters('6.12', 'machine')).not.toContain('htmm_nr_split');
    expect(recordedCounters('6.12', 'machine')).not.toContain('pgscan_proactive');
  });

  it("records every counter the model keeps for a research preset's own kernel", () => {
    expect(recordedCounters(null, 'node')).toEqual(COUNTERS);
  });
});
