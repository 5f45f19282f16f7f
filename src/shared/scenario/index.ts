// The scenario file format `tierlab.scenario/1`: parse it, write it, and the tables behind its defaults.
export { parseScenario, parseScenarioText, type ParseResult } from './parse.ts';
export { toScenarioFile } from './serialize.ts';
export { formatScenarioErrors, type ScenarioError } from './errors.ts';
export { ONLINE_TYPES, SCENARIO_FORMAT, scenarioFileSchema, type ScenarioFile } from './schema.ts';
export { WORKLOAD_TYPES, MEMPOLICY_MODES } from './workload-schema.ts';
export { exampleScenarioFile } from './example.ts';
export * from './memory-kinds.ts';
export {
  DEFAULT_PRESET,
  PRESETS,
  PRESET_NAMES,
  getPreset,
  policyMechanisms,
  presetKnobs,
  type PolicyPreset,
  type PresetMechanisms,
} from './presets.ts';
export * from './knobs.ts';
export type * from './resolved.ts';
