import { describe, expect, it } from 'vitest';
import { COUNTERS, DERIVED, counterLabel, derivedFrom } from './vmstat.ts';

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
