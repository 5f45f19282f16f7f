// Test support: a real lab (temporary SQLite file, real worker threads), closed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { exampleScenarioFile } from '../../../src/shared/scenario/example.ts';
import type { ApiClient } from '../../../src/shared/api/contract.ts';
import { closeLab, openLab, type Lab } from '../../../src/main/api/lab.ts';

const open: { lab: Lab; dir: string }[] = [];
afterEach(async () => {
  for (const { lab, dir } of open.splice(0)) {
    await closeLab(lab);
    rmSync(dir, { recursive: true, force: true });
  }
});

export function tempLab(workers = 1, options: { mayReadAnyTrace?: boolean } = {}): Lab {
  const dir = mkdtempSync(join(tmpdir(), 'tierlab-api-'));
  const lab = openLab({ dbPath: join(dir, 'lab.db'), workers, ...options });
  open.push({ lab, dir });
  return lab;
}

/** A small scenario that runs in well under a second: the example machine, scaled down. */
export function smallScenario(
  over: { name?: string; demotion?: boolean; durationMs?: number } = {},
): Record<string, unknown> {
  const s = exampleScenarioFile() as unknown as {
    name: string;
    machine: { nodes: { capacity: string }[] };
    policy: { knobs: Record<string, unknown> };
    workload: { size: string }[];
    run: { durationMs: number };
  };
  s.name = over.name ?? 'small';
  s.machine.nodes[0]!.capacity = '64MiB';
  s.machine.nodes[1]!.capacity = '128MiB';
  s.workload[0]!.size = '96MiB';
  s.policy.knobs.demotion_enabled = over.demotion ?? true;
  s.run.durationMs = over.durationMs ?? 2000;
  return s;
}

/** Saves `doc` through the API, runs it `repeat` times and waits until every run has ended. */
export async function runToEnd(api: ApiClient, doc: Record<string, unknown>, repeat = 1): Promise<number[]> {
  const s = await api.call('scenario:save', { document: doc });
  if (!s.ok) throw new Error(JSON.stringify(s.errors));
  const { runIds } = await api.call('run:start', { scenarioId: s.value.id, repeat });
  await api.call('run:wait', { runIds });
  return runIds;
}
