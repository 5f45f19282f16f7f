// A scenario's identity for grouping: the hash of its canonical document without the seed, so
// repeats of one experiment with different seeds form one group in `compare`. The engine is part of
// it: the same scenario under the rate and the exact engine is two experiments.
import { toScenarioFile } from '../shared/scenario/serialize.ts';
import type { ResolvedScenario } from '../shared/scenario/resolved.ts';
import { contentHash } from './db/index.ts';
import { defaultLatencyCurve } from '../shared/scenario/memory-kinds.ts';
import { DEFAULT_KERNEL } from '../shared/scenario/kernels.ts';
import { KERNEL_DEPENDENT_KNOBS } from '../shared/scenario/kernel-knob-defaults.ts';
import { getPreset, presetKnobsBeforeKernelDefaults } from '../shared/scenario/presets.ts';

export function scenarioIdentity(s: ResolvedScenario): string {
  const doc = toScenarioFile({ ...s, run: { ...s.run, seed: 0 } });
  // Runs stored before loaded-latency curves existed were hashed without them: a node on its kind's
  // default curve leaves it out, so those runs stay in one group with today's.
  doc.machine.nodes.forEach((node, n) => {
    const r = s.machine.nodes[n]!;
    const kindCurve = defaultLatencyCurve(r.memory, r.readBandwidthGBps, r.readLatencyNs);
    if (JSON.stringify(kindCurve) === JSON.stringify(r.loadedLatency)) delete node.loadedLatency;
  });
  // Runs stored before run.engine existed were all exact, and were hashed without the field: leaving
  // it out for "exact" keeps them in one group with the exact runs of today.
  if (s.run.engine === 'exact') delete doc.run?.engine;
  // Runs stored before kernel versions were hashed without policy.kernel and ran the newer
  // kernel's model: leaving out the default keeps them in one group with today's 6.12 runs.
  if (s.policy.kernel === DEFAULT_KERNEL) delete doc.policy?.kernel;
  // Runs stored before lru_gen_enabled defaulted on for 6.12 were hashed with the knobs beyond the
  // old defaults: a knob at its old default is left out (toScenarioFile writes it when it differs
  // from today's), so a classic-LRU run keeps its group and a default 6.12 run now forms a new one.
  const preset = getPreset(s.policy.preset);
  const knobs = doc.policy?.knobs as Record<string, unknown> | undefined;
  if (preset && knobs) {
    const before = presetKnobsBeforeKernelDefaults(preset);
    for (const name of KERNEL_DEPENDENT_KNOBS) if (knobs[name] === before[name]) delete knobs[name];
  }
  return contentHash(doc);
}

export function withSeed(s: ResolvedScenario, seed: number): ResolvedScenario {
  return { ...s, run: { ...s.run, seed } };
}

/**
 * The scenario file as the user wrote it, with one seed: what a run keeps as "the scenario it ran",
 * so that "Edit a copy" gives back the file itself (defaults left implicit, multi-tenant unexpanded).
 */
export function documentWithSeed(document: unknown, seed: number): unknown {
  const doc = structuredClone(document) as { run?: Record<string, unknown> };
  doc.run = { ...doc.run, seed };
  return doc;
}
