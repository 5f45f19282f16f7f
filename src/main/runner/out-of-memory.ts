// How a run that exhausted memory is reported: "the engine ran out of memory", with the limits it ran
// under, whether V8 stopped the worker at its heap limit or an array for the scenario could not be had.
import type { ResourceLimits } from 'node:worker_threads';

/** What the pool knows of a worker's limits: its measured heap limit, and any resourceLimits it was given. */
export interface WorkerLimits {
  /** V8's heap_size_limit inside the worker, MiB; null until the worker has said. */
  heapLimitMb: number | null;
  /** The resourceLimits passed to the Worker; null for Node's defaults. */
  resourceLimits: ResourceLimits | null;
}

/** True for Node's report that a worker hit its heap limit. */
export function isWorkerOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** True for V8's RangeErrors when an ArrayBuffer (a typed array of the engine's state) cannot be allocated. */
export function isAllocationFailure(error: unknown): boolean {
  return error instanceof RangeError && /allocation failed|Invalid typed array length/i.test(error.message);
}

/** One line, e.g. "the engine ran out of memory: its worker's heap reached its 64 MiB limit (resourceLimits ...)". */
export function outOfMemoryMessage(limits: WorkerLimits): string {
  const heap = limits.heapLimitMb === null ? 'its limit' : `its ${limits.heapLimitMb} MiB limit`;
  const given = limits.resourceLimits
    ? `resourceLimits ${Object.entries(limits.resourceLimits)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ')}`
    : "Node's default resourceLimits; --max-old-space-size raises them";
  return `the engine ran out of memory: its worker's heap reached ${heap} (${given})`;
}

/** The same report for an allocation that failed inside the engine, with V8's own words. */
export function allocationFailureMessage(error: RangeError): string {
  return `the engine ran out of memory: ${error.message} (the scenario's state did not fit in this process)`;
}
