// NOMAD runs for the verify corpus beyond the preset x workload x regime grid: a working set
// near and above DRAM (where promotion and demotion keep trading pages, so shadows are made, used
// and reclaimed), read-only and with writes (write-protect faults, TPM aborts), and each of the
// preset's two mechanisms switched off alone.
import { corpusEntry, DRAM_MIB, renamed, withKnobs, workload, type CorpusEntry } from './corpus.ts';

const NOMAD_MS = 2000;

function nearCapacity(ratio: number, readRatio: number): CorpusEntry {
  const e = corpusEntry('nomad', 'uniform', 'slow-hot-nb2', NOMAD_MS);
  const name = `nomad uniform ${ratio}x DRAM read ${readRatio * 100}% ${NOMAD_MS / 1000}s`;
  const knobs = { demotion_enabled: true, numa_balancing: 2, scan_delay_ms: 0 };
  return renamed(withKnobs(e, name, knobs), name, {
    workload: [workload('uniform', 'w', DRAM_MIB * ratio, { readRatio })],
  });
}

/**
 * An 8 MiB DRAM node, so that promotions soon outnumber DRAM's first pages and promoted pages
 * reach the inactive tail with their shadows (demotion by remapping); with `pmemMiB` 8 and no
 * swap, the shadows fill PMEM and its reclaim has only them to free.
 */
function smallDram(pmemMiB: number, sizeMiB: number): CorpusEntry {
  const e = nearCapacity(1.2, 1);
  const name = `nomad uniform ${sizeMiB}MiB on 8MiB DRAM + ${pmemMiB}MiB PMEM read 100% 4s`;
  return renamed(e, name, {
    machine: {
      pageSize: '4KiB',
      nodes: [
        { id: 0, memory: 'dram', capacity: '8MiB', cpus: 2 },
        { id: 1, memory: 'pmem', capacity: `${pmemMiB}MiB`, cpus: 0 },
      ],
    },
    workload: [workload('uniform', 'w', sizeMiB, { readRatio: 1 })],
    run: { durationMs: 4000, tickMs: 10, sampleEveryMs: 100 },
  });
}

/**
 * A small set written on every reference, promoted from PMEM: each page is written often enough
 * that some writes fall in its 0.6 us copy, so transactional promotions abort (the exact engine
 * sees each write; the rate engine decides from the draws in the window).
 */
function writeHot(): CorpusEntry {
  const e = corpusEntry('nomad', 'uniform', 'slow-hot-nb2', NOMAD_MS);
  const name = `nomad uniform 256KiB written from PMEM ${NOMAD_MS / 1000}s (TPM aborts)`;
  const filler = {
    name: 'filler',
    type: 'usemem',
    size: `${Math.round(DRAM_MIB * 0.9)}MiB`,
    repeats: 1,
    cpu: 0,
  };
  return renamed(e, name, {
    workload: [filler, workload('uniform', 'w', 0.25, { readRatio: 0, startMs: 150 })],
  });
}

export function nomadEntries(): CorpusEntry[] {
  const base = nearCapacity(1.2, 0.95);
  return [
    smallDram(32, 10),
    smallDram(8, 11),
    writeHot(),
    nearCapacity(0.9, 1),
    nearCapacity(1.2, 1),
    base,
    nearCapacity(1.5, 0.95),
    withKnobs(base, `${base.name} nomad_tpm_enabled off`, { nomad_tpm_enabled: false }),
    withKnobs(base, `${base.name} nomad_shadow_enabled off`, { nomad_shadow_enabled: false }),
  ];
}
