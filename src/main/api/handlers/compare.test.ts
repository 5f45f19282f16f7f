import { describe, expect, it } from 'vitest';
import { sqliteOf } from '../../db/connection.ts';
import { inProcessClient } from '../in-process.ts';
import { runToEnd, smallScenario, tempLab } from '../../../../tests/support/main/test-lab.ts';

describe('compare:runs', () => {
  it('puts the baseline group first, leaves partial runs out unless asked, and labels them when asked', async () => {
    const lab = tempLab();
    const api = inProcessClient(lab);
    const a = await runToEnd(api, smallScenario({ name: 'demotion on' }), 3);
    const b = await runToEnd(api, smallScenario({ name: 'demotion off', demotion: false }), 1);
    sqliteOf(lab.db).prepare("UPDATE runs SET status = 'cancelled' WHERE id = ?").run(a[2]);
    const runIds = [...a, ...b];

    const byDefault = await api.call('compare:runs', { runIds, metrics: ['pswpout'] });
    expect(byDefault.baseline).toBe(0);
    expect(byDefault.groups.map((g) => g.runIds)).toEqual([[a[0], a[1]], b]);
    expect(byDefault.excluded).toEqual([{ runId: a[2], status: 'cancelled' }]);

    const second = await api.call('compare:runs', { runIds, metrics: ['pswpout'], baseline: 1 });
    expect(second.baseline).toBe(0);
    expect(second.groups.map((g) => g.label)).toEqual(['demotion off', 'demotion on']);
    expect(second.rows[0]!.cells[0]!.vsBaseline).toBeUndefined();
    expect(second.rows[0]!.cells[1]!.vsBaseline).toBeDefined();

    const partial = await api.call('compare:runs', { runIds, metrics: ['pswpout'], includePartial: true });
    expect(partial.excluded).toEqual([]);
    expect(partial.groups.map((g) => g.runIds)).toEqual([[a[0], a[1]], [a[2]], b]);
    expect(partial.groups[1]).toMatchObject({
      label: `demotion on [cancelled run ${a[2]}]`,
      partial: 'cancelled',
    });
  });

  it('says which runs are partial when nothing else is left to compare', async () => {
    const lab = tempLab();
    const api = inProcessClient(lab);
    const [id] = await runToEnd(api, smallScenario(), 1);
    sqliteOf(lab.db).prepare("UPDATE runs SET status = 'failed' WHERE id = ?").run(id);
    await expect(api.call('compare:runs', { runIds: [id!] })).rejects.toThrow(`run ${id} is failed`);
  });
});
