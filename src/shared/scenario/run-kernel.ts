// Which kernel a stored run ran, read from its scenario document, and so which counters it has:
// what readers of stored samples and results use to leave the other counters out.
import { recordedCounters, type CounterName, type CounterScope } from '../vmstat.ts';
import { KERNEL_VERSIONS, type KernelVersion } from './kernels.ts';
import { DEFAULT_PRESET, getPreset, resolveKernel } from './presets.ts';

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/**
 * The kernel of a scenario document as stored with a run (the file as written, defaults left out).
 * A document from before kernel versions names none and reads as the default, like a new file; a
 * run that kept no document (null) reads as null, every counter, as it was stored.
 */
export function documentKernel(document: unknown): KernelVersion | null {
  if (document === null || document === undefined) return null;
  const policy = field(document, 'policy');
  const presetName = field(policy, 'preset');
  const preset = getPreset(typeof presetName === 'string' ? presetName : DEFAULT_PRESET);
  if (!preset) return null;
  const kernel = field(policy, 'kernel');
  const named = KERNEL_VERSIONS.find((k) => k === kernel);
  return resolveKernel(preset, named);
}

/** The counters a stored run has, machine-wide or per node. */
export function documentCounters(document: unknown, scope: CounterScope): readonly CounterName[] {
  return recordedCounters(documentKernel(document), scope);
}
