// Checks on hot-plugged nodes: the memory block size, whole blocks per node, CPU-less nodes, and
// online/offline times that happen in order and within the run.
import { showBytes } from './errors.ts';
import { validPageSize } from './check-machine.ts';
import { DEFAULT_MEMORY_BLOCK_SIZE } from './resolved.ts';
import type { Report } from './check.ts';
import type { ScenarioParts } from './salvage.ts';

/** pageblock_nr_pages at 4 KiB pages: offline_pages() isolates whole pageblocks. */
const PAGEBLOCK_BYTES = 2 * 2 ** 20;

/** The memory block size when it is usable with this page size, else undefined. */
function validBlockSize(parts: ScenarioParts, page: number | undefined, report: Report): number | undefined {
  const block = parts.memoryBlockSize ?? DEFAULT_MEMORY_BLOCK_SIZE;
  if (page === undefined) return undefined;
  const ratio = block / page;
  const powerOfTwo = Number.isInteger(ratio) && ratio >= 1 && 2 ** Math.round(Math.log2(ratio)) === ratio;
  if (!powerOfTwo || block < Math.max(page, PAGEBLOCK_BYTES)) {
    report(
      'machine.memoryBlockSize',
      `must be a power-of-two multiple of the page size (${showBytes(page)}) and at least a pageblock ` +
        `(${showBytes(Math.max(page, PAGEBLOCK_BYTES))}), as sysfs memory blocks are (got ${showBytes(block)})`,
    );
    return undefined;
  }
  return block;
}

export function checkHotplug(parts: ScenarioParts, report: Report): void {
  const nodes = parts.nodes;
  const page = validPageSize(parts.pageSize);
  const anyHotplug = nodes?.some((n) => n?.hotplug !== undefined) ?? false;
  if (!anyHotplug && parts.memoryBlockSize === undefined) return;
  const block = validBlockSize(parts, page, report);
  const durationMs = parts.run?.durationMs;
  nodes?.forEach((node, i) => {
    const h = node?.hotplug;
    if (!node || !h) return;
    const at = `machine.nodes[${i}]`;
    if (node.cpus !== undefined && node.cpus > 0) {
      report(
        `${at}.cpus`,
        `must be 0 for a hot-plugged node: dax/kmem adds a device's memory to a CPU-less node (got ${node.cpus})`,
      );
    }
    if (block !== undefined && node.capacity !== undefined && node.capacity % block !== 0) {
      report(
        `${at}.capacity`,
        `must be a whole number of memory blocks (${showBytes(block)}) for a hot-plugged node; ` +
          `dax/kmem only adds whole blocks (got ${showBytes(node.capacity)})`,
      );
    }
    if (h.offlineAtMs !== undefined && h.onlineAtMs === undefined) {
      report(
        `${at}.hotplug.offlineAtMs`,
        `node ${i} is offlined at ${h.offlineAtMs} ms but never onlined; set hotplug.onlineAtMs before it`,
      );
    }
    if (h.offlineAtMs !== undefined && h.onlineAtMs !== undefined && h.offlineAtMs <= h.onlineAtMs) {
      report(
        `${at}.hotplug.offlineAtMs`,
        `must be after hotplug.onlineAtMs (${h.onlineAtMs}): memory goes offline only once it is online (got ${h.offlineAtMs})`,
      );
    }
    for (const key of ['onlineAtMs', 'offlineAtMs'] as const) {
      const t = h[key];
      if (t !== undefined && durationMs !== undefined && t >= durationMs) {
        report(`${at}.hotplug.${key}`, `is past the run's end (run.durationMs ${durationMs}) (got ${t})`);
      }
    }
  });
}
