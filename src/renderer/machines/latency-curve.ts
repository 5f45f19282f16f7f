// A node's loaded-latency curve in the machine editor: the points the draft gives, or the kind's
// default shape at the node's bandwidth and idle latency (what the parser would fill in).
import { defaultLatencyCurve, MEMORY_KIND_DEFAULTS, type MemoryKind } from '../../shared/scenario/index.ts';
import type { DraftNode } from '../scenario/draft.ts';

/** A curve point as the draft holds it: numbers, or the text a user typed that is not one yet. */
export interface DraftPoint {
  bandwidthGBps: number | string;
  latencyNs: number | string;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && v > 0 ? v : undefined);

/** The draft's own curve, or undefined when the node takes its kind's default. */
export function draftCurve(node: DraftNode): DraftPoint[] | undefined {
  const c = node.loadedLatency;
  return Array.isArray(c) ? (c as DraftPoint[]) : undefined;
}

/**
 * The default curve the node would get: its kind's shape at its read bandwidth and idle read
 * latency as typed (the kind's figures where they are empty or not numbers yet).
 */
export function defaultCurveOf(node: DraftNode): DraftPoint[] {
  const kind = MEMORY_KIND_DEFAULTS[node.memory as MemoryKind];
  if (!kind) return [];
  const bw = num(node.readBandwidthGBps) ?? kind.readBandwidthGBps;
  const idle = num(node.readLatencyNs) ?? kind.readLatencyNs;
  return defaultLatencyCurve(node.memory as MemoryKind, bw, idle).map((p) => ({
    bandwidthGBps: round(p.bandwidthGBps),
    latencyNs: round(p.latencyNs),
  }));
}

/** Three decimal places: what the editor shows and what "Customise" copies into the draft. */
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Postcondition: a point after the last, at 10% more bandwidth and the same latency. */
export function addPoint(curve: readonly DraftPoint[]): DraftPoint[] {
  const last = curve.at(-1);
  const bw = num(last?.bandwidthGBps) ?? 1;
  const ns = num(last?.latencyNs) ?? 100;
  return [...curve, { bandwidthGBps: round(bw * 1.1), latencyNs: ns }];
}

/** Postcondition: point `index` is gone, the others keep their order. */
export function removePoint(curve: readonly DraftPoint[], index: number): DraftPoint[] {
  return curve.filter((_, i) => i !== index);
}
