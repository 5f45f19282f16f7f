import { describe, expect, it } from 'vitest';
import { inProcessClient } from '../api/in-process.ts';
import { smallScenario, tempLab } from '../../../tests/support/main/test-lab.ts';

const tiny = () => smallScenario({ name: 'tiny', durationMs: 200 });

describe('tune:start and tune:wait', () => {
  it('refuse a bad request before any run, naming the knob, the objective or the field', async () => {
    const lab = tempLab();
    const api = inProcessClient(lab);
    const start = (over: Record<string, unknown>) =>
      api.call('tune:start', {
        document: tiny(),
        knobs: ['swappiness=0..200'],
        objective: 'throughput',
        ...over,
      });
    await expect(start({ knobs: ['swappiness=0..201'] })).rejects.toThrow(
      '--knob swappiness: 201 is outside 0..200',
    );
    await expect(start({ objective: 'task:nope:latency' })).rejects.toThrow('--objective: unknown metric');
    await expect(start({ objective: 'task:nope:throughput' })).rejects.toThrow(
      '--objective task:nope:throughput: the scenario has no task "nope" (its tasks: memhog)',
    );
    await expect(start({ seeds: 3, budget: 5 })).rejects.toThrow('fewer than two arms; give at least 6');
    await expect(start({ document: { ...tiny(), run: { durationMs: -1 } } })).rejects.toThrow(
      /document is not a valid scenario: run\.durationMs/,
    );
    await expect(api.call('tune:wait', { tuneId: 999 })).rejects.toThrow('tune 999');
    expect(await api.call('run:list', {})).toEqual([]);
  });

  it('gives the same arms and objective values in another lab, and minimises when told', async () => {
    const request = {
      document: tiny(),
      knobs: ['demotion_enabled', 'swappiness=0..200'],
      objective: 'throughput',
      seeds: 1,
      budget: 4,
    };
    const tuneIn = async (over: Record<string, unknown> = {}) => {
      const api = inProcessClient(tempLab());
      const { tuneId } = await api.call('tune:start', { ...request, ...over });
      return api.call('tune:wait', { tuneId });
    };
    const [a, b] = [await tuneIn(), await tuneIn()];
    expect(a.status).toBe('done');
    const view = (r: typeof a) => r.arms.map((arm) => [arm.name, arm.settings, arm.stats?.mean]);
    expect(view(b)).toEqual(view(a));
    expect(a.objective).toMatchObject({ id: 'throughput', maximise: true });
    const worst = await tuneIn({ minimise: true });
    expect(worst.objective.maximise).toBe(false);
    // The same first pass (the design does not depend on the direction), its best now the lowest.
    expect(worst.arms[0]!.settings).toEqual(a.arms[0]!.settings);
    const firstPass = worst.arms.filter((x) => x.round === 0).map((x) => x.stats!.mean);
    expect(worst.arms[worst.best!]!.stats!.mean).toBeLessThanOrEqual(Math.min(...firstPass));
  });

  it('tunes a fleet metric: STRR is maximised by default, each arm given its slow-tier share of residency', async () => {
    const api = inProcessClient(tempLab());
    const { tuneId } = await api.call('tune:start', {
      document: smallScenario({ name: 'spill', durationMs: 1000 }),
      knobs: ['demotion_enabled'],
      objective: 'strr',
      seeds: 1,
      budget: 2,
    });
    const r = await api.call('tune:wait', { tuneId });
    expect(r.status).toBe('done');
    expect(r.objective).toMatchObject({ id: 'strr', unit: '%', maximise: true });
    const means = r.arms.map((a) => a.stats!.mean);
    for (const m of means) expect(m).toBeGreaterThanOrEqual(0);
    for (const m of means) expect(m).toBeLessThanOrEqual(100);
    expect(r.arms[r.best!]!.stats!.mean).toBe(Math.max(...means));
  });
});
