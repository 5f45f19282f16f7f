import { describe, expect, it } from 'vitest';
import { HOT_BASE, hybridtierWorld } from '../../../../tests/support/engine/hybridtier-world.ts';
import { discardSamples, takeSamples } from './pebs.ts';

describe('HybridTier PEBS samples', () => {
  it('samples one load in every period of a thread that draws from a law, none of one that does not', () => {
    const { w, h } = hybridtierWorld();
    discardSamples(h.pebs);
    const [filler, hot] = w.tasks;
    filler!.references += 1e6; // usemem: no law, never sampled
    hot!.references += 1000; // 800 loads (readRatio 0.8) at period 100: 8 samples
    const seen: number[] = [];
    expect(takeSamples(w.k, h.pebs, 400, (v) => seen.push(v))).toBe(8);
    expect(seen.every((v) => v >= HOT_BASE && v < HOT_BASE + 16384)).toBe(true);
  });

  it('carries the loads short of a period over to the next look', () => {
    const { w, h } = hybridtierWorld({ hybridtier_sample_period: 300 });
    discardSamples(h.pebs);
    const hot = w.tasks[1]!;
    hot.references += 250; // 200 loads: none yet
    expect(takeSamples(w.k, h.pebs, 400, () => {})).toBe(0);
    hot.references += 250; // 400 loads: one sample, 100 carried
    expect(takeSamples(w.k, h.pebs, 400, () => {})).toBe(1);
    hot.references += 250; // 300: one more
    expect(takeSamples(w.k, h.pebs, 400, () => {})).toBe(1);
  });

  it('names pages by the law: 95% of samples in the hot quarter', () => {
    const { w, h } = hybridtierWorld({ hybridtier_sample_period: 1 });
    discardSamples(h.pebs);
    w.tasks[1]!.references += 25_000; // 20,000 samples
    let inHot = 0;
    const n = takeSamples(w.k, h.pebs, 400, (v) => {
      if (v - HOT_BASE < 4096) inHot++;
    });
    expect(n).toBe(20_000);
    // Three standard errors of a 0.95 share over 20,000 samples: 0.0046.
    expect(Math.abs(inHot / n - 0.95)).toBeLessThan(0.0046);
  });
});
