// The rate engine's speed targets: the kernel-like scenarios in both engines (target: under 1 s
// of wall time each in the rate engine), the 1 TiB machine (in a child process, so its peak RSS is
// its own; target 10 simulated minutes in under 60 s and 10 GiB; --terabyte-minutes N), and a
// 64-run sweep through the worker pool (under 2 min).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../src/shared/result.ts';
import { closeLab, openLab } from '../src/main/api/lab.ts';
import { runScenarioOnce } from './run-once.ts';
import { resolve } from './engine.ts';
import { RATE_SCENARIOS } from './rate-scenarios.ts';
import { withEngine } from './scenarios.ts';

type Json = Record<string, unknown>;

function fastest(json: Json, tries: number): RunResult {
  let best: RunResult | null = null;
  for (let i = 0; i < tries; i++) {
    const r = runScenarioOnce(resolve(json));
    if (!best || r.wallMs < best.wallMs) best = r;
  }
  return best!;
}

/** The kernel-like scenarios whose name contains `only` (all of them by default). */
export function benchScenarios(only = ''): void {
  console.log('kernel-like scenarios, 60 simulated s each (rate: best of 3; exact: one run)');
  for (const json of RATE_SCENARIOS.filter((j) => String(j.name).includes(only))) {
    const rate = fastest(withEngine(json, 'rate'), 3);
    const exact = fastest(withEngine(json, 'exact'), 1);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `  ${String(json.name)}\n    rate ${s(rate.wallMs)} (${(rate.simulatedMs / rate.wallMs).toFixed(0)}x real time, ` +
        `target >= 100x), exact ${s(exact.wallMs)}: rate is ${(exact.wallMs / rate.wallMs).toFixed(0)}x faster`,
    );
  }
}

function benchTerabyte(): void {
  const i = process.argv.indexOf('--terabyte-minutes');
  const minutes = i >= 0 ? process.argv[i + 1]! : '1';
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL('./terabyte.ts', import.meta.url)), minutes],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.stdout.write(child.stdout);
  if (child.status !== 0) console.log(`  the 1 TiB run failed (exit ${child.status ?? child.signal})`);
}

/** 64 runs of the first scenario, seeds 1..64, through the lab's worker pool (one worker per core). */
async function benchSweep(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tierlab-rate-sweep-'));
  try {
    const s = resolve(withEngine(RATE_SCENARIOS[0]!, 'rate'));
    const lab = openLab({ dbPath: join(dir, 'sweep.db') });
    const t0 = performance.now();
    const ids = Array.from({ length: 64 }, (_, i) =>
      lab.runs.enqueue({ scenario: { ...s, run: { ...s.run, seed: i + 1 } }, document: {} }),
    );
    await Promise.all(ids.map((id) => lab.runs.waitFor(id)));
    const ms = performance.now() - t0;
    await closeLab(lab);
    console.log(
      `sweep of 64 runs of "${s.name}" (60 simulated s each): ${(ms / 1000).toFixed(1)} s (target < 120 s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchRateEngine(): Promise<void> {
  console.log('== rate engine');
  benchScenarios();
  benchTerabyte();
  await benchSweep();
}
