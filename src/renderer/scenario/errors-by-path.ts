// Finding a field's validation errors by its JSON path (`machine.nodes[0].capacity`), and the field
// or page that shows an error reported deeper than any input (`workload[0].mempolicy.nodes[1]`).
import type { ScenarioError } from '../../shared/scenario/index.ts';
import type { Page } from '../router/routes.ts';

/** Errors exactly at `path`. */
export function errorsAt(errors: readonly ScenarioError[], path: string): ScenarioError[] {
  return errors.filter((e) => e.path === path);
}

/**
 * Errors at `path` or at an item of the list there (`nodes` covers `nodes[1]`, not `nodes[1].id`):
 * a list typed into one input ("0,2") shows its items' problems by that input.
 */
export function errorsOfList(errors: readonly ScenarioError[], path: string): ScenarioError[] {
  return errors.filter((e) => e.path === path || isItemOf(e.path, path));
}

function isItemOf(path: string, list: string): boolean {
  return path.startsWith(`${list}[`) && /^\[\d+\]$/.test(path.slice(list.length));
}

/** Errors at `prefix` or anywhere inside it (`machine` covers `machine.nodes[1].cpus`). */
export function errorsUnder(errors: readonly ScenarioError[], prefix: string): ScenarioError[] {
  return errors.filter(
    (e) => e.path === prefix || e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`),
  );
}

/** `path` and each path that contains it, innermost first: `a.b[1]`, `a.b`, `a`. */
export function pathAndParents(path: string): string[] {
  const out: string[] = [];
  for (let p = path; p !== ''; p = p.replace(/(?:\.[^.[]+|\[[^\]]*\])$|^[^.[]+$/, '')) out.push(p);
  return out;
}

/** The page whose form has the field at `path`. */
export function pageOfPath(path: string): Page {
  const head = /^[^.[]*/.exec(path)?.[0];
  if (head === 'machine') return 'machines';
  if (head === 'workload') return 'workloads';
  if (head === 'policy') return 'policies';
  return 'scenarios';
}
