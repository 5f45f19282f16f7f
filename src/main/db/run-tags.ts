// Free-form tags on runs (a sweep's name, "baseline", a paper figure), for filtering and grouping.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { ormOf, type Db } from './connection.ts';
import { runTags } from './schema.ts';

function normalise(tag: string): string {
  const trimmed = tag.trim();
  if (trimmed === '') throw new Error('A tag cannot be empty.');
  return trimmed;
}

/** Adds tags (trimmed); tags the run already has are ignored. */
export function addRunTags(db: Db, runId: number, tags: readonly string[]): void {
  if (tags.length === 0) return;
  const rows = tags.map((tag) => ({ runId, tag: normalise(tag) }));
  ormOf(db).insert(runTags).values(rows).onConflictDoNothing().run();
}

export function removeRunTags(db: Db, runId: number, tags: readonly string[]): void {
  if (tags.length === 0) return;
  const names = tags.map(normalise);
  ormOf(db)
    .delete(runTags)
    .where(and(eq(runTags.runId, runId), inArray(runTags.tag, names)))
    .run();
}

/** The run's tags, sorted. */
export function listRunTags(db: Db, runId: number): string[] {
  return ormOf(db)
    .select({ tag: runTags.tag })
    .from(runTags)
    .where(eq(runTags.runId, runId))
    .orderBy(asc(runTags.tag))
    .all()
    .map((row) => row.tag);
}

/** Every tag in use, sorted, with how many runs carry it. */
export function listAllTags(db: Db): { tag: string; nrRuns: number }[] {
  return ormOf(db)
    .select({ tag: runTags.tag, nrRuns: count() })
    .from(runTags)
    .groupBy(runTags.tag)
    .orderBy(asc(runTags.tag))
    .all();
}
