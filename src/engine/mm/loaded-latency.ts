// Bandwidth per node and the latency it loads: each tick's read and write bytes are counted, and
// set the node's latency for the next tick on its loaded-latency curve (costs.ts curveLatency).
import { STAT } from '../../shared/vmstat.ts';
import { curveLatency, readEquivalentGBps } from './costs.ts';
import { count, type Kernel } from './kernel.ts';

/**
 * At the end of a tick: count the bytes each node read and wrote in it, and set its latency for the
 * next tick from the bandwidth it used, on its loaded-latency curve. Writes are loaded by the same
 * factor as reads (one queue at the memory controller serves both).
 */
export function updateLatency(k: Kernel, tickNs: number): void {
  k.machine.nodes.forEach((node, n) => {
    const read = k.traffic[n * 2]!;
    const written = k.traffic[n * 2 + 1]!;
    count(k, n, STAT.mem_read_bytes, read);
    count(k, n, STAT.mem_write_bytes, written);
    const gbps = readEquivalentGBps(read, written, tickNs, node.readBandwidthGBps, node.writeBandwidthGBps);
    const factor = curveLatency(node.loadedLatency, node.readLatencyNs, gbps) / node.readLatencyNs;
    k.latency[n * 2] = k.baseLatency[n * 2]! * factor;
    k.latency[n * 2 + 1] = k.baseLatency[n * 2 + 1]! * factor;
  });
  k.traffic.fill(0);
}
