// part:* — reusable machines, workload lists and policies, named and kept in the database. Each is
// checked as the scenario format would check it: a machine fully, workloads and policies by shape
// (their node ids can only be checked against the machine of the scenario they join).
import { scenarioFileSchema } from '../../../shared/scenario/schema.ts';
import { fromIssues } from '../../../shared/scenario/errors.ts';
import type { PartInfo, PartKind, Validation } from '../../../shared/api/types.ts';
import { deletePart, getPart, listParts, savePart, updatePart } from '../../db/index.ts';
import { notFound } from '../errors.ts';
import type { Handlers } from '../handler.ts';
import { machineHandlers } from './machine.ts';
import type { Lab } from '../lab.ts';

const SHAPES = {
  workload: scenarioFileSchema.shape.workload,
  policy: scenarioFileSchema.shape.policy,
} as const;

function check(lab: Lab, kind: PartKind, document: unknown): Validation<null> | Promise<Validation<null>> {
  if (kind === 'machine') {
    const derived = machineHandlers['machine:derive'](lab, { machine: document });
    return Promise.resolve(derived).then((d) => (d.ok ? { ok: true, value: null } : d));
  }
  const parsed = SHAPES[kind].safeParse(document);
  if (parsed.success) return { ok: true, value: null };
  return {
    ok: false,
    errors: fromIssues(parsed.error.issues).map((e) => ({
      ...e,
      path: e.path ? `${kind}${e.path.startsWith('[') ? '' : '.'}${e.path}` : kind,
    })),
  };
}

export const partHandlers: Handlers<'part:list' | 'part:save' | 'part:delete'> = {
  'part:list': (lab, { kind }) => listParts(lab.db, kind),
  'part:save': async (lab, { kind, name, document, id }): Promise<Validation<PartInfo>> => {
    const valid = await check(lab, kind, document);
    if (!valid.ok) return valid;
    if (id === undefined) return { ok: true, value: savePart(lab.db, kind, { name, document }) };
    const updated = updatePart(lab.db, kind, id, { name, document });
    if (!updated) throw notFound(`${kind} ${id}`);
    return { ok: true, value: updated };
  },
  'part:delete': (lab, { kind, id }) => {
    const part = getPart(lab.db, kind, id);
    if (!part) throw notFound(`${kind} ${id}`);
    deletePart(lab.db, kind, id);
    return part;
  },
};
