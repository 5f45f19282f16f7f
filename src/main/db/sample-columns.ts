// The SQL column lists of samples/node_samples, in COUNTERS order, shared by the writer and the readers.
// Counter names are fixed identifiers from src/shared/vmstat.ts, never user input.
import { COUNTERS } from '../../shared/vmstat.ts';

/** "nr_free_pages", "nr_inactive_anon", ... */
export const COUNTER_COLUMNS = COUNTERS.map((name) => `"${name}"`).join(', ');

/** ?, ?, ... one per counter. */
export const COUNTER_PLACEHOLDERS = COUNTERS.map(() => '?').join(', ');
