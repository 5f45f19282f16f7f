// What the engine can hold, as the numbers the scenario checks compare against. Each limit comes
// from an encoding or a cost in src/engine and says which; src/engine/sim/limits.test.ts checks the
// encodings still agree. A file past a limit is refused by the field that crosses it, at parse time.

/**
 * A page-table entry (engine mm/mem-state.ts) is pfn + 1 below PTE_SWAPPED (bit 31), so frames
 * 0 .. 2^31 - 3 fit beside the swapped marker; createMemState refuses a machine with more.
 */
export const MAX_PAGE_FRAMES = 2 ** 31 - 2;

/** A reference is `vpage * 2 + write` in a Uint32Array (engine workloads/types.ts): vpages below 2^31. */
export const MAX_VIRTUAL_PAGES = 2 ** 31;

/**
 * Threads over all workloads. Each is a task with a 4KiB reference buffer that takes a turn in
 * every 100 µs round of the simulation loop; a billion of them only eats memory. 4096 is past the
 * thread counts of the benchmarks modelled here (usemem, sysbench, mmtests run one per CPU).
 */
export const MAX_THREADS = 4096;

/** Pages record NUMA-scan and migration times as Uint32 milliseconds (mem-state.ts stamp, migratedAt). */
export const MAX_DURATION_MS = 2 ** 32 - 1;

/**
 * durationMs / tickMs. Every tick walks every task, node and kswapd at least once, so 1e8 ticks
 * is already hours of wall time with nothing to simulate; the default run is 6000 ticks.
 */
export const MAX_TICKS = 1e8;

/**
 * Samples times nodes: each node's row of every sample is kept in memory for the result (53
 * float64 counters, 424 bytes), so 1e6 rows are about 424 MB. The default run is 601 samples.
 */
export const MAX_SAMPLE_ROWS = 1e6;

/**
 * struct memory_dev_type's adistance is an int, and the tier is adistance >> MEMTIER_CHUNK_BITS:
 * 0 .. INT_MAX gives memory_tier0 .. memory_tier16777215, in the order of their adistance.
 */
export const MAX_ADISTANCE = 2 ** 31 - 1;
export const MEMTIER_CHUNK_BITS = 7;

/**
 * HMAT hands node performance to the kernel as unsigned ints (struct access_coordinate): latency
 * in ns, bandwidth in MB/s. Firmware cannot report more, and the adistance arithmetic wraps at it.
 */
export const MAX_HMAT_VALUE = 2 ** 32 - 1;

/**
 * The engine's watermark arithmetic shifts the page size as a 32-bit int (pageSize >> 10); 1GiB is
 * also the largest page x86-64 maps (a PUD).
 */
export const MAX_PAGE_SIZE = 2 ** 30;

/**
 * Lists and objects inside each other. The format's own fields nest 5 deep (workload[i].vms[j]);
 * the limit is checked without recursion, before anything else reads the file, so a hostile file
 * cannot overflow the stack of the checks or of the error messages.
 */
export const MAX_NESTING = 64;
