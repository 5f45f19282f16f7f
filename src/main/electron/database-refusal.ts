// The words of the dialog shown when the lab database is refused: which file (or place), why, and what
// the user can do. The file itself is never changed, and the dialog says so.
import type { RefusalReason } from '../db/index.ts';

export interface Refusal {
  path: string;
  reason: RefusalReason;
  message: string;
}

export interface RefusalText {
  title: string;
  message: string;
  detail: string;
}

const HEADLINE: Record<RefusalReason, string> = {
  'not-a-database': 'This file is not a Tierlab database.',
  corrupt: 'This Tierlab database is damaged.',
  foreign: 'This file belongs to another application.',
  newer: 'This database was written by a newer Tierlab.',
  'migration-order': "This database's schema history does not match this Tierlab's.",
  'migration-failed': 'This database could not be brought up to date.',
  'not-a-file': 'This is not a database file.',
  'cannot-create': 'A new database cannot be made here.',
  'read-only': 'This database is read-only and cannot be opened as it is.',
};

const ADVICE: Record<RefusalReason, string> = {
  'not-a-database': '',
  corrupt: 'A backup copy of it may still open. ',
  foreign: '',
  newer: 'Update Tierlab to open it. ',
  'migration-order': '',
  'migration-failed': '',
  'not-a-file': '',
  'cannot-create': 'Choose a folder you can write to. ',
  'read-only': 'Open it once where it can be written. ',
};

/** The database layer's own words without the path it repeats: "It is corrupt (...). The file was left untouched." */
function technical(refusal: Refusal): string {
  const prefix = `Tierlab will not open ${refusal.path}: `;
  if (!refusal.message.startsWith(prefix)) return refusal.message;
  const rest = refusal.message.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

export function describeRefusal(refusal: Refusal): RefusalText {
  return {
    title: 'Tierlab',
    message: HEADLINE[refusal.reason],
    detail: [
      refusal.path,
      technical(refusal),
      `${ADVICE[refusal.reason]}You can open another database, start a new one, or quit; this file stays as it is.`,
    ].join('\n\n'),
  };
}
