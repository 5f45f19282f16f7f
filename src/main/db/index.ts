// The lab database's public API: open it, then pass the Db to these functions. Nothing here exposes
// drizzle or better-sqlite3; rows come back as plain objects that cross IPC and JSON unchanged.
export { openDatabase, type OpenOptions } from './open-database.ts';
export { transaction, type Db } from './connection.ts';
export { DatabaseRefusedError, type RefusalReason } from './refused-error.ts';
export { DatabaseWriteError, asStorageError, describeStorageFailure } from './storage-failure.ts';
export { DEFAULT_MIGRATIONS_FOLDER } from './migrations-folder.ts';
export { TIERLAB_APPLICATION_ID } from './marker.ts';
export { contentHash } from './json.ts';
export {
  savePart,
  updatePart,
  getPart,
  listParts,
  deletePart,
  type Part,
  type PartInput,
  type PartKind,
} from './parts.ts';
export {
  saveScenario,
  updateScenario,
  getScenario,
  listScenarios,
  findScenarioByHash,
  deleteScenario,
  type Scenario,
  type ScenarioInput,
} from './scenarios.ts';
export {
  createRun,
  getRun,
  getRunScenario,
  listRuns,
  deleteRun,
  type Run,
  type NewRun,
  type RunFilter,
} from './runs.ts';
export {
  markRunRunning,
  setRunProgress,
  markRunDone,
  markRunFailed,
  markRunCancelled,
  type RunTimings,
} from './run-transitions.ts';
export { markInterruptedRuns, INTERRUPTED_ERROR, type InterruptOptions } from './interrupted-runs.ts';
export {
  createTune,
  saveTuneReport,
  getTuneReport,
  listTunes,
  markInterruptedTunes,
  INTERRUPTED_TUNE_ERROR,
} from './tunes.ts';
export { appendSampleBatch } from './append-samples.ts';
export { readCgroupSamples } from './memcg-samples.ts';
export {
  countSamples,
  sampledNodes,
  readSampleBatch,
  readSampleChunk,
  runCounters,
  sampleRowsAfter,
  fullChunkEnd,
  SAMPLES_PER_CHUNK,
  type SamplePick,
  type StoredRows,
  type StoredRowsQuery,
} from './read-samples.ts';
export { openSampleReader, type SampleReader } from './sample-reader.ts';
export {
  saveResult,
  getResult,
  importResult,
  type StoredResult,
  type ImportOptions,
  type ImportOutcome,
} from './results.ts';
export { summariseResult, type ResultSummary } from './result-summary.ts';
export { addRunTags, removeRunTags, listRunTags, listAllTags } from './run-tags.ts';
export { setRunNote, getRunNote, type RunNote } from './run-notes.ts';
