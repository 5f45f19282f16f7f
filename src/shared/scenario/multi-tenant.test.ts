import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse.ts';
import { editedExample } from '../../../tests/support/shared/scenario.ts';

const tenants = (vms: unknown[]) =>
  editedExample([['workload'], [{ name: 'host', type: 'multi-tenant', cpu: 0, vms }]]);

describe('multi-tenant workloads', () => {
  it('become one hot-set process per VM, with its own load and DRAM share', () => {
    const p = parseScenario(
      tenants([
        { name: 'busy', size: '256MiB' },
        { size: '256MiB', load: 0.1, dramShare: 0.5 },
      ]),
    );
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.scenario.workload.map((w) => [w.name, w.type, w.load, w.dramShare])).toEqual([
      ['host/busy', 'hotset', 1, null],
      ['host/vm1', 'hotset', 0.1, 0.5],
    ]);
  });

  it('rejects two VMs with one name at the second one', () => {
    const p = parseScenario(
      tenants([
        { name: 'a', size: '1GiB' },
        { name: 'a', size: '1GiB' },
      ]),
    );
    expect(!p.ok && p.errors).toEqual([
      { path: 'workload[0].vms[1].name', message: 'duplicate VM name "a" (also vms[0])' },
    ]);
  });

  it('rejects a VM without a size at its path', () => {
    const p = parseScenario(tenants([{ load: 0.5 }]));
    expect(!p.ok && p.errors.map((e) => e.path)).toEqual(['workload[0].vms[0].size']);
  });
});
