import { describe, expect, it } from 'vitest';
import { editedExample, errorsOf, resolves, type Edit } from '../../../tests/support/shared/scenario.ts';

const cg = ['workload', 0, 'cgroup'] as const;
const second = (over: Record<string, unknown>) =>
  [['workload', 1], { name: 'other', type: 'usemem', size: '64MiB', cpu: 0, ...over }] as const;
const messages = (input: unknown) => errorsOf(input).map((e) => `${e.path}: ${e.message}`);

describe('a workload cgroup', () => {
  it('resolves sizes with units, "max" and the defaults of the cgroup files', () => {
    const s = resolves(editedExample([cg, { name: 'box', max: '256MiB', low: '64MiB' }]));
    expect(s.workload[0]!.cgroup).toEqual({
      name: 'box',
      maxBytes: 256 * 2 ** 20,
      highBytes: null,
      lowBytes: 64 * 2 ** 20,
      minBytes: 0,
      reclaim: [],
    });
  });

  it('is shared by name: another entry naming it gets the same settings', () => {
    const s = resolves(editedExample([cg, { name: 'box', high: '1GiB' }], second({ cgroup: 'box' })));
    expect(s.workload[1]!.cgroup).toEqual(s.workload[0]!.cgroup);
    expect(s.workload[1]!.cgroup!.highBytes).toBe(2 ** 30);
  });

  it("gives each VM of a multi-tenant entry its own cgroup, or the entry's", () => {
    const host = {
      name: 'host',
      type: 'multi-tenant',
      cpu: 0,
      cgroup: { name: 'machine', max: '512MiB' },
      vms: [{ size: '64MiB', cgroup: { name: 'vm-a', low: '32MiB' } }, { size: '64MiB' }],
    };
    const s = resolves(editedExample([['workload', 1], host]));
    expect(s.workload.map((w) => w.cgroup?.name)).toEqual([undefined, 'vm-a', 'machine']);
  });

  it('takes timed memory.reclaim writes with nodes=', () => {
    const s = resolves(
      editedExample([cg, { name: 'box', reclaim: [{ atMs: 500, size: '16MiB', nodes: [1] }] }]),
    );
    expect(s.workload[0]!.cgroup!.reclaim).toEqual([{ atMs: 500, bytes: 16 * 2 ** 20, nodes: [1] }]);
  });

  it('names the field of a bad limit, with what it must be', () => {
    expect(messages(editedExample([cg, { name: 'box', max: 'lots' }]))).toEqual([
      'workload[0].cgroup.max: must be "max" (no limit) or a size such as "256MiB" or a number of bytes (got "lots")',
    ]);
  });

  it('refuses a nested cgroup path: cgroups sit right under the root', () => {
    expect(messages(editedExample([cg, 'a/b']))).toEqual([
      'workload[0].cgroup: must name a cgroup directly under the root: no "/" and not "." or ".." (got "a/b")',
    ]);
  });

  it('refuses a second set of settings for one name, pointing at the first', () => {
    expect(
      messages(editedExample([cg, { name: 'box' }], second({ cgroup: { name: 'box', max: '1GiB' } }))),
    ).toEqual([
      'workload[1].cgroup.name: cgroup "box" is already set up by workload[0].cgroup; give its settings once and name it elsewhere as "cgroup": "box"',
    ]);
  });

  it('takes cgroups with the multi-gen LRU on either kernel (6.1 reclaims them by its own memcg walk)', () => {
    const mglru: Edit = [['policy', 'knobs', 'lru_gen_enabled'], true];
    for (const kernel of ['6.1', '6.12']) {
      const s = resolves(editedExample([cg, 'box'], mglru, [['policy', 'kernel'], kernel]));
      expect([s.policy.kernel, s.policy.knobs.lru_gen_enabled, s.workload[0]!.cgroup!.name]).toEqual([
        kernel,
        true,
        'box',
      ]);
    }
  });

  it('refuses memory.reclaim nodes the machine does not have', () => {
    expect(
      messages(editedExample([cg, { name: 'box', reclaim: [{ atMs: 0, size: '1MiB', nodes: [3] }] }])),
    ).toEqual(['workload[0].cgroup.reclaim[0].nodes[0]: node 3 does not exist; the machine has 2 nodes']);
  });
});
