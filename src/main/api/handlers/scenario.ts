// scenario:* — validate, store, list and delete scenario documents (`tierlab.scenario/1`).
import { parseScenario } from '../../../shared/scenario/parse.ts';
import type { ResolvedScenario } from '../../../shared/scenario/resolved.ts';
import type { ScenarioInfo } from '../../../shared/api/types.ts';
import {
  deleteScenario,
  getScenario,
  listScenarios,
  saveScenario,
  updateScenario,
  type Scenario,
} from '../../db/index.ts';
import { notFound } from '../errors.ts';
import type { Handlers } from '../handler.ts';
import type { Lab } from '../lab.ts';

function info(s: Scenario): ScenarioInfo {
  return {
    id: s.id,
    name: s.name,
    hash: s.hash,
    document: s.document,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

export function requireScenario(lab: Lab, id: number): Scenario {
  const s = getScenario(lab.db, id);
  if (!s) throw notFound(`scenario ${id}`);
  return s;
}

/** Saves a document that parsed as `scenario` as a new stored scenario. */
export function storeScenario(lab: Lab, document: unknown, scenario: ResolvedScenario): Scenario {
  return saveScenario(lab.db, { name: scenario.name, document, runSettings: scenario.run });
}

export const scenarioHandlers: Handlers<
  'scenario:validate' | 'scenario:list' | 'scenario:get' | 'scenario:save' | 'scenario:delete'
> = {
  'scenario:validate': (_lab, { document }) => {
    const p = parseScenario(document);
    return p.ok ? { ok: true, value: p.scenario } : { ok: false, errors: p.errors };
  },
  'scenario:list': (lab) => listScenarios(lab.db).map(info),
  'scenario:get': (lab, { id }) => info(requireScenario(lab, id)),
  'scenario:save': (lab, { id, document }) => {
    const p = parseScenario(document);
    if (!p.ok) return { ok: false, errors: p.errors };
    if (id === undefined) return { ok: true, value: info(storeScenario(lab, document, p.scenario)) };
    const input = { name: p.scenario.name, document, runSettings: p.scenario.run };
    const updated = updateScenario(lab.db, id, input);
    if (!updated) throw notFound(`scenario ${id}`);
    return { ok: true, value: info(updated) };
  },
  'scenario:delete': (lab, { id }) => {
    const s = requireScenario(lab, id);
    deleteScenario(lab.db, id);
    return info(s);
  },
};
