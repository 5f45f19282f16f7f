// The scenario document a run keeps, and what it means later. A default that moved with the kernel
// (lru_gen_enabled: on for 6.12 since issue 13) must not change what a stored run ran, so a new
// run pins such knobs in its document, and a document stored before reads with the old default.
import type { Knobs } from './knobs.ts';
import type { ResolvedScenario } from './resolved.ts';
import {
  DEFAULT_PRESET,
  getPreset,
  kernelDependentKnobs,
  presetKnobsBeforeKernelDefaults,
  type PolicyPreset,
} from './presets.ts';

type Doc = Record<string, unknown> & {
  policy?: Record<string, unknown> & { knobs?: Record<string, unknown> };
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The document's preset as a run reads it (absent: the default), or undefined for an unknown one. */
function presetOf(doc: Doc): PolicyPreset | undefined {
  const name = isRecord(doc.policy) ? doc.policy.preset : undefined;
  return getPreset(typeof name === 'string' ? name : DEFAULT_PRESET);
}

/** A copy of `doc` with the kernel-dependent knobs it leaves out set from `value`. */
function withKnobs(doc: Doc, preset: PolicyPreset, value: (name: keyof Knobs) => unknown): Doc {
  const knobs = isRecord(doc.policy?.knobs) ? doc.policy.knobs : {};
  const missing = kernelDependentKnobs(preset).filter((name) => knobs[name] === undefined);
  if (missing.length === 0) return doc;
  const pinned = { ...knobs, ...Object.fromEntries(missing.map((name) => [name, value(name)])) };
  return { ...doc, policy: { ...(isRecord(doc.policy) ? doc.policy : {}), knobs: pinned } };
}

/**
 * The document a new run stores: the user's file with every knob whose default depends on the
 * kernel written out as the run resolved it (`linux` on 6.12: lru_gen_enabled true), so the
 * run keeps its meaning whatever the defaults become. Knobs the file sets stay as written.
 */
export function pinRunDocument(document: unknown, scenario: ResolvedScenario): unknown {
  if (!isRecord(document)) return document;
  const preset = presetOf(document);
  return preset ? withKnobs(document, preset, (name) => scenario.policy.knobs[name]) : document;
}

/**
 * A stored run's document as it ran: one stored before pinRunDocument existed leaves the knob
 * out and ran the old default (a 6.12 `linux` run without lru_gen_enabled ran the classic LRU),
 * so the knob is written in as false. A pinned document, or null (no document kept), is returned
 * as it is.
 */
export function storedRunDocument(document: unknown): unknown {
  if (!isRecord(document)) return document;
  const preset = presetOf(document);
  if (!preset) return document;
  const before = presetKnobsBeforeKernelDefaults(preset);
  return withKnobs(document, preset, (name) => before[name]);
}
