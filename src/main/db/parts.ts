// The reusable, named parts of a scenario: machines (topologies), workloads and policies. The three
// tables share one shape, so one set of functions serves them, chosen by `kind`.
import { asc, eq } from 'drizzle-orm';
import { ormOf, type Db } from './connection.ts';
import { fromJsonText, toJsonText } from './json.ts';
import { machines, policies, workloads } from './schema.ts';

export type PartKind = 'machine' | 'workload' | 'policy';

export interface PartInput {
  name: string;
  /** The part as the scenario file spells it; stored as JSON. */
  document: unknown;
}

export interface Part {
  id: number;
  kind: PartKind;
  name: string;
  document: unknown;
  createdAt: number;
  updatedAt: number;
}

const TABLES = { machine: machines, workload: workloads, policy: policies } as const;

type PartRow = typeof machines.$inferSelect;

function toPart(kind: PartKind, row: PartRow): Part {
  return { ...row, kind, document: fromJsonText(row.document) };
}

export function savePart(db: Db, kind: PartKind, input: PartInput, now = Date.now()): Part {
  const row = ormOf(db)
    .insert(TABLES[kind])
    .values({
      name: input.name,
      document: toJsonText(input.document, 'The part'),
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  return toPart(kind, row);
}

/** Returns the updated part, or null when there is no part `id`. */
export function updatePart(
  db: Db,
  kind: PartKind,
  id: number,
  input: PartInput,
  now = Date.now(),
): Part | null {
  const table = TABLES[kind];
  const row = ormOf(db)
    .update(table)
    .set({ name: input.name, document: toJsonText(input.document, 'The part'), updatedAt: now })
    .where(eq(table.id, id))
    .returning()
    .get();
  return row ? toPart(kind, row) : null;
}

export function getPart(db: Db, kind: PartKind, id: number): Part | null {
  const table = TABLES[kind];
  const row = ormOf(db).select().from(table).where(eq(table.id, id)).get();
  return row ? toPart(kind, row) : null;
}

/** All parts of a kind, by name. */
export function listParts(db: Db, kind: PartKind): Part[] {
  const table = TABLES[kind];
  return ormOf(db)
    .select()
    .from(table)
    .orderBy(asc(table.name), asc(table.id))
    .all()
    .map((row) => toPart(kind, row));
}

/** Scenarios built from the part keep their own copy of it and lose only the link. */
export function deletePart(db: Db, kind: PartKind, id: number): boolean {
  const table = TABLES[kind];
  return ormOf(db).delete(table).where(eq(table.id, id)).run().changes > 0;
}
