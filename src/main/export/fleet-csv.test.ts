import { describe, expect, it } from 'vitest';
import { fleetCsv } from './fleet-csv.ts';
import { makeRun, makeTask } from '../../../tests/support/main/compare.ts';

describe('the per-task fleet CSV', () => {
  it("writes each task's working set by time, percentiles, cold-age bins by lower edge, STRR and STAR", () => {
    const hot = makeTask({
      name: 'hot',
      residency: { timesMs: [0, 100, 200], pages: [], references: [] },
      fleet: {
        workingSetPages: [0, 512, 768],
        idleMsPercentiles: Array.from({ length: 101 }, (_, p) => (p < 50 ? 0 : 300)),
        coldAgePages: [768, 0, 256, ...Array<number>(9).fill(0)],
        strr: 0.25,
        star: null,
      },
    });
    // A task from a result before fleet metrics writes nothing.
    const old = makeTask({ name: 'old', fleet: undefined });
    const csv = fleetCsv([{ runId: 3, result: makeRun({ tasks: [hot, old] }) }]);
    const lines = csv.split('\n');
    expect(lines[0]).toBe('run_id,task,metric,at,value');
    expect(lines.slice(1, 4)).toEqual([
      '3,hot,working_set_pages,0,0',
      '3,hot,working_set_pages,100,512',
      '3,hot,working_set_pages,200,768',
    ]);
    expect(lines[4]).toBe('3,hot,idle_ms,0,0');
    expect(lines[4 + 49]).toBe('3,hot,idle_ms,49,0');
    expect(lines[4 + 50]).toBe('3,hot,idle_ms,50,300');
    expect(lines[4 + 100]).toBe('3,hot,idle_ms,100,300');
    // Bins' lower edges: 0 (the working set), 100, 200, 400, ... 102400 ms.
    expect(lines.slice(105, 108)).toEqual([
      '3,hot,cold_age_pages,0,768',
      '3,hot,cold_age_pages,100,0',
      '3,hot,cold_age_pages,200,256',
    ]);
    expect(lines[116]).toBe('3,hot,cold_age_pages,102400,0');
    expect(lines.slice(117)).toEqual(['3,hot,strr,,0.25', '3,hot,star,,', '']);
  });
});
