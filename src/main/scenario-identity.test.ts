import { describe, expect, it } from 'vitest';
import { exampleScenarioFile } from '../shared/scenario/example.ts';
import { resolves } from '../../tests/support/shared/scenario.ts';
import { scenarioIdentity, withSeed } from './scenario-identity.ts';

const example = (engine?: string) => {
  const file = exampleScenarioFile();
  return resolves(engine === undefined ? file : { ...file, run: { ...file.run, engine } });
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
    const before = '941f98d81cf1c135dd04932580195ad7e68e9bb88e3976f04dddc10d696cf4b1';
    expect(scenarioIdentity(example('exact'))).toBe(before);
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
