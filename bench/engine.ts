// The exact engine's speed and memory on fixed scenarios. Figures, not pass/fail: the targets
// (>= 20 M page references/s on one core, <= 28 bytes of state per page frame) are printed beside
// them. The rate engine's figures are in rate-engine.ts.
import { parseScenario } from '../src/shared/scenario/parse.ts';
import type { ResolvedScenario } from '../src/shared/scenario/resolved.ts';
import type { RunResult } from '../src/shared/result.ts';
import { createSimulation } from '../src/engine/index.ts';
import { buildWorld } from '../src/engine/sim/setup.ts';
import { BENCH_SCENARIOS, BIG_MACHINE, TRACE_REPLAY, withEngine } from './scenarios.ts';
import { attachTraces } from '../src/main/trace/attach.ts';
import { traceStats } from '../src/main/trace/read-trace.ts';
import { LS_TRACE } from '../tests/fixtures/lackey.ts';

export function resolve(json: unknown): ResolvedScenario {
  const p = parseScenario(json);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.scenario;
}

/** Runs a scenario `tries` times and keeps the fastest: the machine's other load only slows a run. */
async function benchRun(json: unknown, tries = 3): Promise<void> {
  const s = resolve(json);
  await attachTraces(s);
  let r: RunResult | null = null;
  for (let i = 0; i < tries; i++) {
    const t0 = performance.now();
    const sim = createSimulation(s);
    sim.advance(s.run.durationMs);
    const run = sim.result(performance.now() - t0);
    if (!r || run.wallMs < r.wallMs) r = run;
  }
  if (!r) return;
  const refs = r.tasks.reduce((sum, t) => sum + t.references, 0);
  const wallS = r.wallMs / 1000;
  console.log(
    `${s.name}\n  ${(refs / 1e6).toFixed(1)} M refs in ${wallS.toFixed(2)} s wall: ${(refs / wallS / 1e6).toFixed(1)} M refs/s, ` +
      `${(r.simulatedMs / r.wallMs).toFixed(1)}x real time; pgscan ${r.vmstat.pgscan_kswapd! + r.vmstat.pgscan_direct!}, ` +
      `pgdemote ${r.vmstat.pgdemote_kswapd! + r.vmstat.pgdemote_direct!}, pswpout ${r.vmstat.pswpout!}`,
  );
}

function benchMemory(json: unknown): void {
  const s = resolve(json);
  const before = process.memoryUsage().arrayBuffers;
  const t0 = performance.now();
  const { k } = buildWorld(s);
  const ms = performance.now() - t0;
  const m = k.m;
  // touchMark is the rate engine's (the default engine, so BIG_MACHINE has it).
  // genFlags is the multi-gen LRU's byte a frame, there with lru_gen_enabled only.
  const arrays: { length: number; BYTES_PER_ELEMENT: number }[] = [
    m.flags,
    m.lruNext,
    m.lruPrev,
    m.owner,
    m.memcg,
    m.stamp,
    m.migratedAt,
    m.touchMark,
    m.lrugen?.genFlags ?? new Uint8Array(0),
  ];
  const perFrame = arrays.reduce((sum, a) => sum + (a.length > 0 ? a.BYTES_PER_ELEMENT : 0), 0);
  const grown = process.memoryUsage().arrayBuffers - before;
  console.log(
    `${s.name}\n  ${(m.nrFrames / 1e6).toFixed(1)} M page frames, ${perFrame} bytes of state per frame (target <= 28), ` +
      `${(grown / 2 ** 30).toFixed(2)} GiB of typed arrays, built in ${ms.toFixed(0)} ms`,
  );
}

export async function benchEngine(): Promise<void> {
  console.log('== exact engine (one thread, best of 3 runs)');
  for (const s of BENCH_SCENARIOS) await benchRun(withEngine(s, 'exact'));
  await benchRun(withEngine(TRACE_REPLAY, 'exact'));
  benchMemory(BIG_MACHINE);
  await benchTraceStats();
}

/** `tierlab trace stats` on the fixture: parse, exact LRU and MIN at three capacities. */
async function benchTraceStats(): Promise<void> {
  const t0 = performance.now();
  const stats = await traceStats(LS_TRACE);
  const ms = performance.now() - t0;
  console.log(
    `trace stats on the fixture (${stats.accesses} accesses, ${stats.capacities.length} capacities): ${ms.toFixed(0)} ms (target < 1 s)`,
  );
}
