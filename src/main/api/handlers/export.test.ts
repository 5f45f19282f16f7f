import { describe, expect, it } from 'vitest';
import { COUNTERS } from '../../../shared/vmstat.ts';
import { inProcessClient } from '../in-process.ts';
import { runToEnd, smallScenario, tempLab } from '../../../../tests/support/main/test-lab.ts';

/** The CSV's header and its rows as numbers. */
function parse(csv: string): { header: string[]; rows: number[][] } {
  const [header, ...lines] = csv.trim().split('\n');
  return { header: header!.split(','), rows: lines.map((line) => line.split(',').map(Number)) };
}

describe('export:samples per node', () => {
  it('has one row per sample per node, and the nodes of each sample sum to its machine-wide row', async () => {
    const api = inProcessClient(tempLab());
    const runIds = await runToEnd(api, smallScenario(), 2);
    const machine = parse((await api.call('export:samples', { runIds })).csv);
    const file = await api.call('export:samples', { runIds, perNode: true });
    expect(file.filename).toBe('tierlab-runs-2-node-samples.csv');
    const perNode = parse(file.csv);
    expect(perNode.header).toEqual(['run_id', 'time_ms', 'node', ...COUNTERS]);
    // The small scenario's machine has two nodes: each machine-wide row is followed by nodes 0 and 1.
    expect(perNode.rows).toHaveLength(2 * machine.rows.length);
    expect(machine.rows.length).toBeGreaterThan(2);
    machine.rows.forEach(([runId, tMs, ...sums], i) => {
      const nodes = perNode.rows.slice(2 * i, 2 * i + 2);
      expect(nodes.map((row) => row.slice(0, 3))).toEqual([
        [runId, tMs, 0],
        [runId, tMs, 1],
      ]);
      // Every counter is kept per node and /proc/vmstat is their sum, gauges and events alike.
      COUNTERS.forEach((name, c) => expect(nodes[0]![3 + c]! + nodes[1]![3 + c]!, name).toBe(sums[c]));
    });
    // Not a vacuous sum: the far tier holds pages, so node 1's rows are not all zero.
    expect(perNode.rows.some((row) => row[2] === 1 && row.slice(3).some((v) => v > 0))).toBe(true);
  });

  it("exports one node's rows only, and names a node the run does not have", async () => {
    const api = inProcessClient(tempLab());
    const [runId] = await runToEnd(api, smallScenario());
    const all = parse((await api.call('export:samples', { runIds: [runId!], perNode: true })).csv);
    const file = await api.call('export:samples', { runIds: [runId!], perNode: true, node: 1 });
    expect(file.filename).toBe(`tierlab-run-${runId}-node1-samples.csv`);
    const one = parse(file.csv);
    expect(one.header).toEqual(all.header);
    expect(one.rows).toEqual(all.rows.filter((row) => row[2] === 1));
    await expect(
      api.call('export:samples', { runIds: [runId!], perNode: true, node: 2 }),
    ).rejects.toMatchObject({ code: 'not_found', message: `run ${runId} has nodes 0, 1, not node 2` });
    await expect(api.call('export:samples', { runIds: [runId!], node: 1 })).rejects.toThrow(
      /node: .*perNode: true/,
    );
  });
});
