// Shared by the published-result benches: run a scenario document to its end in the rate engine
// and read the figures a paper reports from the result.
import { createSimulation } from '../src/engine/index.ts';
import type { RunResult, TaskResult } from '../src/shared/result.ts';
import { resolve } from './engine.ts';

/**
 * The knobs of a published result about the classic LRU: the papers measured kernels before
 * MGLRU (TPP, 5.x) or with it off (Huang Ying's hot-page selection, v6.1), so their runs pin
 * lru_gen_enabled off rather than take 6.12's default.
 */
export function papersKernel(knobs: Record<string, unknown>): Record<string, unknown> {
  return { lru_gen_enabled: false, ...knobs };
}

export function runToEnd(json: unknown): RunResult {
  const s = resolve(json);
  const sim = createSimulation(s);
  sim.advance(s.run.durationMs);
  return sim.result(0);
}

export function task(r: RunResult, name: string): TaskResult {
  const t = r.tasks.find((x) => x.name === name);
  if (!t) throw new Error(`no task ${name} in ${r.name}`);
  return t;
}

/** The share of a task's resident pages that sit on a top-tier node at the end of the run. */
export function topTierShare(r: RunResult, t: TaskResult): number {
  const top = new Set(r.nodes.filter((n) => n.topTier).map((n) => String(n.id)));
  let onTop = 0;
  let all = 0;
  for (const [node, pages] of Object.entries(t.residentPages)) {
    all += pages;
    if (top.has(node)) onTop += pages;
  }
  return all > 0 ? onTop / all : 0;
}

export const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
