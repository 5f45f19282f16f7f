// Saved scenarios: a machine + workload + policy + run settings, with links to the reusable parts it
// was built from and the full document, so it stands alone when a part is edited or deleted.
import { asc, eq } from 'drizzle-orm';
import { ormOf, type Db } from './connection.ts';
import { contentHash, fromJsonText, toJsonText } from './json.ts';
import { scenarios } from './schema.ts';

export interface ScenarioInput {
  name: string;
  /** The whole scenario file document (`tierlab.scenario/1`). */
  document: unknown;
  runSettings: unknown;
  machineId?: number | null;
  workloadId?: number | null;
  policyId?: number | null;
  /** Defaults to contentHash(document): equal documents, however their keys are ordered, hash equal. */
  hash?: string;
}

export interface Scenario {
  id: number;
  name: string;
  machineId: number | null;
  workloadId: number | null;
  policyId: number | null;
  runSettings: unknown;
  document: unknown;
  hash: string;
  createdAt: number;
  updatedAt: number;
}

type ScenarioRow = typeof scenarios.$inferSelect;

function toScenario(row: ScenarioRow): Scenario {
  return { ...row, runSettings: fromJsonText(row.runSettings), document: fromJsonText(row.document) };
}

function columns(input: ScenarioInput) {
  return {
    name: input.name,
    machineId: input.machineId ?? null,
    workloadId: input.workloadId ?? null,
    policyId: input.policyId ?? null,
    runSettings: toJsonText(input.runSettings, 'The run settings'),
    document: toJsonText(input.document, 'The scenario'),
    hash: input.hash ?? contentHash(input.document),
  };
}

export function saveScenario(db: Db, input: ScenarioInput, now = Date.now()): Scenario {
  const row = ormOf(db)
    .insert(scenarios)
    .values({ ...columns(input), createdAt: now, updatedAt: now })
    .returning()
    .get();
  return toScenario(row);
}

/** Replaces the scenario's contents; runs made from it keep the document they ran. Null when absent. */
export function updateScenario(db: Db, id: number, input: ScenarioInput, now = Date.now()): Scenario | null {
  const row = ormOf(db)
    .update(scenarios)
    .set({ ...columns(input), updatedAt: now })
    .where(eq(scenarios.id, id))
    .returning()
    .get();
  return row ? toScenario(row) : null;
}

export function getScenario(db: Db, id: number): Scenario | null {
  const row = ormOf(db).select().from(scenarios).where(eq(scenarios.id, id)).get();
  return row ? toScenario(row) : null;
}

/** All scenarios, by name. */
export function listScenarios(db: Db): Scenario[] {
  return ormOf(db)
    .select()
    .from(scenarios)
    .orderBy(asc(scenarios.name), asc(scenarios.id))
    .all()
    .map(toScenario);
}

/** The oldest scenario with this hash, so saving a document twice can be noticed. */
export function findScenarioByHash(db: Db, hash: string): Scenario | null {
  const row = ormOf(db)
    .select()
    .from(scenarios)
    .where(eq(scenarios.hash, hash))
    .orderBy(asc(scenarios.id))
    .limit(1)
    .get();
  return row ? toScenario(row) : null;
}

/** Runs of the scenario stay (with their own copy of it); only their link is cleared. */
export function deleteScenario(db: Db, id: number): boolean {
  return ormOf(db).delete(scenarios).where(eq(scenarios.id, id)).run().changes > 0;
}
