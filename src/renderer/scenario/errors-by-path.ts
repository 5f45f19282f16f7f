// Finding a field's validation errors by its JSON path (`machine.nodes[0].capacity`).
import type { ScenarioError } from '../../shared/scenario/index.ts';

/** Errors exactly at `path`. */
export function errorsAt(errors: readonly ScenarioError[], path: string): ScenarioError[] {
  return errors.filter((e) => e.path === path);
}

/** Errors at `prefix` or anywhere inside it (`machine` covers `machine.nodes[1].cpus`). */
export function errorsUnder(errors: readonly ScenarioError[], prefix: string): ScenarioError[] {
  return errors.filter(
    (e) => e.path === prefix || e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`),
  );
}
