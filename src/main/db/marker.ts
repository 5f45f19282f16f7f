// How a file says it is a Tierlab database: PRAGMA application_id in the SQLite header (set when
// Tierlab creates the file) and PRAGMA user_version, the number of migrations applied (the schema generation).

/** 'TLab' read as a big-endian 32-bit integer. */
export const TIERLAB_APPLICATION_ID = 0x544c6162;

/** drizzle-orm's migrator records each applied migration here (hash, created_at = the journal's `when`). */
export const MIGRATIONS_TABLE = '__drizzle_migrations';
