// HybridTier's fixed constants, as tiering_runtime/hybridtier.cpp defines them, and what its work
// costs the runtime's CPU here.

/**
 * The runtime's counts of samples and pages (batch, momentum window, plateau) are absolute, sized
 * for the artifact's machines, whose fast tier is 32 GiB (rc.local's 32 GB runs; its others 128 GB).
 * On a smaller simulated fast tier they are scaled by its share of 32 GiB, so a batch covers the same
 * share of DRAM as on the paper's machine: at 256 MiB, a batch of 100,000 samples is 782.
 */
export const REFERENCE_FAST_BYTES = 32 * 2 ** 30;

/** W / fast-tier pages: the frequency sketch ages after 16 * 10 samples per fast-tier page. */
export const LFU_SAMPLES_PER_FAST_PAGE = 16 * 10;
/** The momentum sketch: a hundredth of the frequency sketch's words, aged every 1.1 M samples. */
export const MOMENTUM_SIZE_DIVISOR = 100;
export const MOMENTUM_SAMPLE_SIZE = 1_100_000;
/** A page with momentum below this (i.e. none) may be demoted. */
export const MOMENTUM_DEMOTE_BELOW = 1;

/** VMAs of fewer pages are not scanned for cold pages. */
export const MIN_SCANNED_VMA_PAGES = 1000;

/** Second chance: at most 10k pages queued, looked at again 60 s after the last look. */
export const SECOND_CHANCE_MAX = 10_000;
export const SECOND_CHANCE_AFTER_NS = 60e9;

/** Demotion throttling: past 100 MiB/s it sleeps 1 s after each demotion; below 10 MiB/s it stops. */
export const THROTTLE_ABOVE_BPS = 100 * 1024 * 1024;
export const THROTTLE_BELOW_BPS = 10 * 1024 * 1024;
export const THROTTLE_MAX_SECS = 1;

/** Promotion plateau: checked every 20 batches after the first 500, at most 25,000 pages promoted. */
export const PLATEAU_EVERY_BATCHES = 20;
export const PLATEAU_AFTER_BATCHES = 500;
export const PLATEAU_MAX_PROMOTED = 25_000;
/** Hot pages filling less than this share of DRAM: lower the hot threshold (not below 3). */
export const PLATEAU_FILL_SHARE = 0.8;
export const MIN_HOT_THRESHOLD = 3;

/** Local samples all unuseful (every counter at 15) in over 80% of a batch: halve local sampling. */
export const UNUSEFUL_SHARE = 0.8;
/** The local sampling frequency starts at 100,001 Hz and is halved while above 40,000 Hz: twice. */
export const MAX_LOCAL_PERIOD_SCALE = 4;

/** Monitor mode: sleep 120 s, then read perf stat's 60 s hit ratios every 10 s, over the last 5. */
export const MONITOR_SLEEP_NS = 120e9;
export const PERF_STAT_INTERVAL_NS = 60e9;
export const MONITOR_CHECK_NS = 10e9;
export const HIT_RATIO_WINDOW = 5;
/** A least-squares slope of the window below this: the hit ratio is falling, so sample again. */
export const SLOPE_THRESH = -0.01;
/** Two full sweeps without enough cold pages, or ten alternations, also end in monitor mode. */
export const MAX_DEMOTION_RESETS = 10;

/** Reading one PEBS record from the ring buffer and counting it in the batch's hash map. */
export const SAMPLE_NS = 30;
/** Updating a sampled page in both sketches (two cache lines). */
export const SKETCH_PAGE_NS = 60;
/** move_pages()'s per-page share of the call, for the status query and the move itself. */
export const MOVE_PAGES_NS = 400;
/** /proc/PID/pagemap read 1024 entries at a time, and a DRAM page's two sketch lookups. */
export const PAGEMAP_PAGE_NS = 60;
