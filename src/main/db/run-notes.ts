// One free-text note per run (what was being tried, what was seen).
import { eq } from 'drizzle-orm';
import { ormOf, type Db } from './connection.ts';
import { runNotes } from './schema.ts';

export interface RunNote {
  text: string;
  updatedAt: number;
}

/** Sets the run's note; an empty (or blank) text removes it. */
export function setRunNote(db: Db, runId: number, text: string, now = Date.now()): void {
  const orm = ormOf(db);
  if (text.trim() === '') {
    orm.delete(runNotes).where(eq(runNotes.runId, runId)).run();
    return;
  }
  orm
    .insert(runNotes)
    .values({ runId, text, updatedAt: now })
    .onConflictDoUpdate({ target: runNotes.runId, set: { text, updatedAt: now } })
    .run();
}

export function getRunNote(db: Db, runId: number): RunNote | null {
  const row = ormOf(db)
    .select({ text: runNotes.text, updatedAt: runNotes.updatedAt })
    .from(runNotes)
    .where(eq(runNotes.runId, runId))
    .get();
  return row ?? null;
}
