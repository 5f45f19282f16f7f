// Default performance of each memory kind and swap device, and default SLIT distances: what a
// scenario gets when it names a kind without numbers. Every figure says where it comes from.
import type { MemoryKind, SwapDevice } from './resolved.ts';

export const MEMORY_KINDS = ['dram', 'pmem', 'cxl', 'hbm'] as const satisfies readonly MemoryKind[];
export const SWAP_DEVICES = ['ssd', 'hdd', 'zram', 'nvme'] as const satisfies readonly SwapDevice[];

export interface MemoryKindDefaults {
  /** Idle (unloaded) latency of one random cache-line access. */
  readonly readLatencyNs: number;
  readonly writeLatencyNs: number;
  /** Sustained bandwidth of one node at the scale of one DIMM or device, so kinds compare like for like. */
  readonly readBandwidthGBps: number;
  readonly writeBandwidthGBps: number;
}

export const MEMORY_KIND_DEFAULTS: Readonly<Record<MemoryKind, MemoryKindDefaults>> = {
  // Izraelevitz et al. 2019, "Basic Performance Measurements of the Intel Optane DC Persistent Memory
  // Module" (arXiv:1903.05714), Cascade Lake with DDR4-2666: ~81 ns idle random read. Writes are
  // acknowledged from the memory controller's write-pending queue, so we take a similar ~86 ns.
  // Bandwidth is approximate: one DDR4-2666 channel peaks at 21.3 GB/s; we take ~70% of that
  // for reads and less for writes.
  dram: { readLatencyNs: 81, writeLatencyNs: 86, readBandwidthGBps: 15, writeBandwidthGBps: 12 },
  // Same paper, one Optane DC PMM (App Direct, ADR): ~305 ns random read, ~94 ns write (the write ends
  // in the ADR domain, not in 3D XPoint), ~6.6 GB/s read and ~2.3 GB/s write per DIMM.
  pmem: { readLatencyNs: 305, writeLatencyNs: 94, readBandwidthGBps: 6.6, writeBandwidthGBps: 2.3 },
  // Pond (Li et al., ASPLOS'23): direct-attached CXL adds ~70-90 ns to local DRAM, more behind a
  // switch; Sun et al., MICRO'23 "Demystifying CXL Memory with Genuine CXL-Ready Systems and Devices":
  // real devices measure roughly 170-250 ns. We take 200 ns for both (the CXL.mem round trip dominates
  // either way). Bandwidth approximate: an x8 PCIe 5.0 expander (~32 GB/s raw per direction).
  cxl: { readLatencyNs: 200, writeLatencyNs: 200, readBandwidthGBps: 20, writeBandwidthGBps: 16 },
  // HBM2e as on Intel Xeon Max in flat mode: idle latency similar to or a little above DDR, bandwidth
  // far higher. Approximate: one HBM2e stack peaks at ~410 GB/s; we take ~60% read, less for write.
  hbm: { readLatencyNs: 100, writeLatencyNs: 100, readBandwidthGBps: 250, writeBandwidthGBps: 200 },
};

/** One point of a loaded-latency curve, as the scenario file and the engine take it. */
export interface LatencyPoint {
  /** Bandwidth in use on the node, GB/s of reads (a write counts as readBandwidth / writeBandwidth reads). */
  readonly bandwidthGBps: number;
  /** Read latency at that bandwidth, ns. */
  readonly latencyNs: number;
}

/**
 * The shape of each kind's loaded-latency curve: at `fraction` of the node's read bandwidth, its read
 * latency is `factor` times the idle one. A node without its own curve gets this shape scaled to its
 * bandwidth and idle latency (defaultLatencyCurve). All figures are approximate, read off published
 * curves, rounded; the last point is the saturated latency the engine holds beyond the curve.
 */
export const LOADED_LATENCY_SHAPES: Readonly<
  Record<MemoryKind, readonly { readonly fraction: number; readonly factor: number }[]>
> = {
  // Intel MLC --loaded_latency on DDR4/DDR5 Xeons (and the DRAM curves in Sun et al. MICRO'23 and
  // Colloid, Vuppalapati & Agarwal SOSP'24): flat to about half of peak, ~1.6x at 80%, 3-4x at peak.
  dram: [
    { fraction: 0.3, factor: 1.05 },
    { fraction: 0.6, factor: 1.25 },
    { fraction: 0.8, factor: 1.6 },
    { fraction: 0.9, factor: 2.2 },
    { fraction: 1, factor: 3.5 },
  ],
  // Optane DC PMM: Izraelevitz et al. 2019 and Yang et al. FAST'20 ("An Empirical Guide to the Behavior
  // and Use of Scalable Persistent Memory"): bandwidth saturates early (few threads) and latency
  // climbs steeply past half of it, to microseconds under contention.
  pmem: [
    { fraction: 0.3, factor: 1.1 },
    { fraction: 0.5, factor: 1.4 },
    { fraction: 0.7, factor: 2.2 },
    { fraction: 0.9, factor: 4 },
    { fraction: 1, factor: 6 },
  ],
  // Sun et al. MICRO'23 "Demystifying CXL Memory": CXL expanders' latency rises from ~250 ns to 2-4x
  // near their (lower) peak, with the knee a little earlier than local DRAM's.
  cxl: [
    { fraction: 0.3, factor: 1.05 },
    { fraction: 0.6, factor: 1.3 },
    { fraction: 0.8, factor: 1.8 },
    { fraction: 0.9, factor: 2.5 },
    { fraction: 1, factor: 4 },
  ],
  // HBM2e (Xeon Max, flat mode): shaped like DRAM's, with more channels to spread the load over.
  hbm: [
    { fraction: 0.3, factor: 1.05 },
    { fraction: 0.6, factor: 1.2 },
    { fraction: 0.8, factor: 1.5 },
    { fraction: 0.9, factor: 2 },
    { fraction: 1, factor: 3 },
  ],
};

/** A kind's curve shape for a node of that read bandwidth and idle read latency. */
export function defaultLatencyCurve(
  memory: MemoryKind,
  readBandwidthGBps: number,
  readLatencyNs: number,
): LatencyPoint[] {
  return LOADED_LATENCY_SHAPES[memory].map((p) => ({
    bandwidthGBps: p.fraction * readBandwidthGBps,
    latencyNs: p.factor * readLatencyNs,
  }));
}

export interface SwapDeviceDefaults {
  /** Time to read one 4 KiB page back in (a major fault's I/O), at modest queue depth. */
  readonly pageInUs: number;
  /** Time to write one 4 KiB page out; swap slots are allocated in clusters, so writes are mostly sequential. */
  readonly pageOutUs: number;
}

export const SWAP_DEVICE_DEFAULTS: Readonly<Record<SwapDevice, SwapDeviceDefaults>> = {
  // Approximate, from datasheet QD1 figures of SATA SSDs: ~10K random-read IOPS (~100 us), writes
  // absorbed by the drive's cache at ~40 us.
  ssd: { pageInUs: 100, pageOutUs: 40 },
  // Approximate, a 7200 rpm disk: a random read costs a seek plus half a rotation (~8 ms); clustered
  // writes stream at ~150 MB/s (~27 us per page), rounded up for the seeks between clusters.
  hdd: { pageInUs: 8000, pageOutUs: 100 },
  // Approximate, lzo-rle/lz4 speeds as lzbench reports them: decompressing 4 KiB takes ~1-2 us,
  // compressing ~4-5 us. zram's own memory use is not modelled by these two numbers.
  zram: { pageInUs: 2, pageOutUs: 5 },
  // Approximate, datasheet QD1 figures of PCIe 4.0 TLC NVMe drives: ~20K random-read IOPS (~50 us),
  // writes into the drive's SLC cache at ~20 us.
  nvme: { pageInUs: 50, pageOutUs: 20 },
};

/** LOCAL_DISTANCE and REMOTE_DISTANCE from include/linux/topology.h, the kernel's default without a SLIT. */
export const LOCAL_DISTANCE = 10;
export const REMOTE_DISTANCE = 20;
/** ACPI SLIT: 0-9 are reserved and 255 means unreachable, so a reachable remote node lies in 11..254. */
export const MIN_REMOTE_DISTANCE = 11;
export const MAX_REMOTE_DISTANCE = 254;

/** The distance matrix a machine gets when the scenario has none: 10 local, 20 remote. */
export function defaultDistances(nrNodes: number): number[][] {
  return Array.from({ length: nrNodes }, (_, from) =>
    Array.from({ length: nrNodes }, (_, to) => (from === to ? LOCAL_DISTANCE : REMOTE_DISTANCE)),
  );
}
