// Facts the run view needs from the scenario document a run ran with (a `tierlab.scenario/1` file).
import { parseSize } from '../../shared/units.ts';
import { isRecord } from './draft.ts';
import type { RunEngine } from '../../shared/scenario/resolved.ts';
import { RUN_ENGINES } from '../../shared/scenario/schema.ts';

export function pageSizeOf(doc: unknown): number {
  const m = isRecord(doc) && isRecord(doc.machine) ? doc.machine : {};
  return parseSize(m.pageSize ?? 4096) ?? 4096;
}

export function durationMsOf(doc: unknown): number | undefined {
  const run = isRecord(doc) && isRecord(doc.run) ? doc.run : {};
  return typeof run.durationMs === 'number' ? run.durationMs : undefined;
}

/** The engine the document asks for: its run.engine, else the default, "rate". */
export function engineOf(doc: unknown): RunEngine {
  const run = isRecord(doc) && isRecord(doc.run) ? doc.run : {};
  return RUN_ENGINES.find((e) => e === run.engine) ?? 'rate';
}

export function nodeKindsOf(doc: unknown): string[] {
  const m = isRecord(doc) && isRecord(doc.machine) ? doc.machine : {};
  return Array.isArray(m.nodes) ? m.nodes.map((n) => (isRecord(n) ? String(n.memory) : '?')) : [];
}
