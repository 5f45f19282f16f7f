import { describe, expect, it } from 'vitest';
import { exampleScenarioFile } from '../shared/scenario/example.ts';
import { resolves } from '../../tests/support/shared/scenario.ts';
import { scenarioIdentity, withSeed } from './scenario-identity.ts';

const example = (engine?: string) => {
  const file = exampleScenarioFile();
  return resolves(engine === undefined ? file : { ...file, run: { ...file.run, engine } });
};

/** The example (linux, 6.12) with lru_gen_enabled as given: what a run before issue 13 ran is false. */
const exampleWithLruGen = (lruGen: boolean | undefined, engine = 'exact') => {
  const file = exampleScenarioFile();
  const knobs = { ...file.policy?.knobs, ...(lruGen !== undefined && { lru_gen_enabled: lruGen }) };
  return resolves({ ...file, policy: { ...file.policy, knobs }, run: { ...file.run, engine } });
};

describe('scenarioIdentity', () => {
  it('is the same for repeats with other seeds', () => {
    expect(scenarioIdentity(withSeed(example(), 9))).toBe(scenarioIdentity(example()));
  });

  it('tells apart two scenarios that differ only in their engine', () => {
    expect(scenarioIdentity(example('exact'))).not.toBe(scenarioIdentity(example('rate')));
    expect(scenarioIdentity(example())).toBe(scenarioIdentity(example('rate')));
  });

  it('of an exact run is the identity older builds, which had no run.engine, gave its scenario', () => {
    // scenarioIdentity of the example as the build before run.engine (commit 07347b3) computed it.
    // It ran the classic LRU, 6.12's default then.
    const before = '941f98d81cf1c135dd04932580195ad7e68e9bb88e3976f04dddc10d696cf4b1';
    expect(scenarioIdentity(exampleWithLruGen(false))).toBe(before);
  });

  it('keeps a classic-LRU 6.12 run in its old group and gives a default (MGLRU) 6.12 run its own', () => {
    const classic = scenarioIdentity(exampleWithLruGen(false));
    expect(scenarioIdentity(exampleWithLruGen(undefined))).not.toBe(classic);
    expect(scenarioIdentity(exampleWithLruGen(undefined))).toBe(scenarioIdentity(exampleWithLruGen(true)));
  });

  it('hashes a 6.1 run the same with lru_gen_enabled false written out or left to its default', () => {
    const on61 = (knobs: Record<string, unknown>) => {
      const file = exampleScenarioFile();
      return resolves({
        ...file,
        policy: { ...file.policy, kernel: '6.1', knobs: { ...file.policy?.knobs, ...knobs } },
      });
    };
    expect(scenarioIdentity(on61({ lru_gen_enabled: false }))).toBe(scenarioIdentity(on61({})));
    expect(scenarioIdentity(on61({ lru_gen_enabled: true }))).not.toBe(scenarioIdentity(on61({})));
  });

  it('tells apart a node on its own loaded-latency curve from one on its kind default', () => {
    const file = exampleScenarioFile();
    const curve = [{ bandwidthGBps: 3, latencyNs: 600 }];
    const own = {
      ...file,
      machine: {
        ...file.machine,
        nodes: [file.machine.nodes[0]!, { ...file.machine.nodes[1]!, loadedLatency: curve }],
      },
    };
    expect(scenarioIdentity(resolves(own))).not.toBe(scenarioIdentity(example()));
  });
});
