// Before a run, the host reads each trace workload's file into the reference data the engine
// replays (the engine itself does no I/O).
import { isAbsolute, resolve } from 'node:path';
import type { ResolvedScenario } from '../../shared/scenario/resolved.ts';
import { loadTraceWorkload } from './read-trace.ts';

/** Makes trace file paths absolute, relative to the folder of the scenario file that names them. */
export function resolveTracePaths(s: ResolvedScenario, scenarioDir: string): void {
  for (const w of s.workload)
    if (w.type === 'trace' && !isAbsolute(w.file)) w.file = resolve(scenarioDir, w.file);
}

/** Loads every trace workload that has no data yet. Postcondition: all trace workloads have data. */
export async function attachTraces(s: ResolvedScenario): Promise<void> {
  for (const w of s.workload) {
    if (w.type !== 'trace' || w.data) continue;
    const { refs, footprintPages, stats } = await loadTraceWorkload(w.file, s.machine.pageSize);
    w.data = { refs, footprintPages, counts: stats };
  }
}
