// The engine's public face: (scenario, seed) -> samples + result, deterministic and pure.
export { createSimulation, type Simulation } from './sim/simulation.ts';
export { ENGINE_VERSION } from './version.ts';
export { deriveMachine } from './machine/index.ts';
