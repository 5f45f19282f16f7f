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

export function nomadEntries(): CorpusEntry[] {
  const base = nearCapacity(1.2, 0.95);
  return [
    nearCapacity(0.9, 1),
    nearCapacity(1.2, 1),
    base,
    nearCapacity(1.5, 0.95),
    withKnobs(base, `${base.name} nomad_tpm_enabled off`, { nomad_tpm_enabled: false }),
    withKnobs(base, `${base.name} nomad_shadow_enabled off`, { nomad_shadow_enabled: false }),
  ];
}
