import { describe, expect, it } from 'vitest';
import { expandSweep, parseSetting, parseShard, setPath } from './expand.ts';

const doc = {
  policy: { knobs: {} },
  machine: { nodes: [{ capacity: '1GiB' }, { capacity: '2GiB' }] },
  run: { seed: 7 },
};

describe('sweep expansion', () => {
  it('reads values as JSON when they are JSON and as strings otherwise', () => {
    expect(parseSetting('policy.knobs.numa_balancing=0,2')).toEqual({
      key: 'policy.knobs.numa_balancing',
      values: [0, 2],
    });
    expect(parseSetting('machine.nodes.0.capacity=384MiB, 1GiB')).toEqual({
      key: 'machine.nodes.0.capacity',
      values: ['384MiB', '1GiB'],
    });
    expect(parseSetting('policy.knobs.demotion_enabled=true,false').values).toEqual([true, false]);
    expect(() => parseSetting('novalue=')).toThrow(/KEY=V1,V2/);
    expect(() => parseSetting('run.seed=1,2,3')).toThrow(/use --repeat/);
  });

  it('keeps kernel versions as the names they are, so 6.1 and 6.12 (and 6.10) stay apart', () => {
    expect(parseSetting('policy.kernel=6.1,6.12,6.10')).toEqual({
      key: 'policy.kernel',
      values: ['6.1', '6.12', '6.10'],
    });
  });

  it('sets dotted paths through arrays and creates missing objects', () => {
    const d = structuredClone(doc);
    setPath(d, 'machine.nodes.1.capacity', '4GiB');
    setPath(d, 'workload.0.size', '1GiB');
    expect(d.machine.nodes[1]!.capacity).toBe('4GiB');
    expect((d as unknown as { workload: { size: string }[] }).workload[0]!.size).toBe('1GiB');
  });

  it('builds the cartesian product times repeats, with consecutive seeds', () => {
    const items = expandSweep(
      doc,
      7,
      [
        parseSetting('policy.knobs.numa_balancing=0,2'),
        parseSetting('machine.nodes.0.capacity=1GiB,2GiB,4GiB'),
      ],
      2,
    );
    expect(items).toHaveLength(12);
    expect(items[0]!.settings).toEqual({
      'policy.knobs.numa_balancing': 0,
      'machine.nodes.0.capacity': '1GiB',
    });
    expect(items.slice(0, 2).map((i) => i.seed)).toEqual([7, 8]);
    expect(items[11]!.settings).toEqual({
      'policy.knobs.numa_balancing': 2,
      'machine.nodes.0.capacity': '4GiB',
    });
    expect((items[11]!.document as typeof doc).run.seed).toBe(8);
    expect(doc.run.seed).toBe(7);
  });

  it('splits a sweep into disjoint shards that together cover it', () => {
    const settings = [parseSetting('policy.knobs.swappiness=0,60,100,200')];
    const all = expandSweep(doc, 1, settings, 3).map((i) => i.index);
    const shards = [0, 1, 2].map((s) =>
      expandSweep(doc, 1, settings, 3, parseShard(`${s}/3`)).map((i) => i.index),
    );
    expect(shards.flat().sort((a, b) => a - b)).toEqual(all);
    expect(new Set(shards.flat()).size).toBe(all.length);
    expect(() => parseShard('3/3')).toThrow(/0 <= I < N/);
  });
});

describe('sweep arm names', () => {
  it('name each arm by the scenario name and the settings it was swept on', () => {
    const items = expandSweep(
      { ...doc, name: 'usemem' },
      7,
      [parseSetting('policy.knobs.numa_balancing=0,2'), parseSetting('machine.nodes.0.capacity=1GiB')],
      2,
    );
    expect(items.map((i) => (i.document as { name: string }).name)).toEqual([
      'usemem [numa_balancing=0, machine.nodes.0.capacity=1GiB]',
      'usemem [numa_balancing=0, machine.nodes.0.capacity=1GiB]',
      'usemem [numa_balancing=2, machine.nodes.0.capacity=1GiB]',
      'usemem [numa_balancing=2, machine.nodes.0.capacity=1GiB]',
    ]);
  });

  it("name the engine an arm runs, and set it in that arm's run settings", () => {
    const items = expandSweep({ ...doc, name: 'usemem' }, 7, [parseSetting('run.engine=rate,exact')]);
    expect(items.map((i) => (i.document as { name: string }).name)).toEqual([
      'usemem [run.engine=rate]',
      'usemem [run.engine=exact]',
    ]);
    expect(items.map((i) => (i.document as { run: { engine: string } }).run.engine)).toEqual([
      'rate',
      'exact',
    ]);
  });

  it('keep the plain name when nothing is swept, and a swept name as given', () => {
    expect((expandSweep({ ...doc, name: 'usemem' }, 7, [], 2)[0]!.document as { name: string }).name).toBe(
      'usemem',
    );
    const named = expandSweep({ ...doc, name: 'usemem' }, 7, [parseSetting('name=a,b')]);
    expect(named.map((i) => (i.document as { name: string }).name)).toEqual(['a', 'b']);
  });
});
