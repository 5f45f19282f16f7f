// A running run's progress: what the engine loop reports after each slice and every host passes on
// unchanged (the worker's message, the `run:progress` event), declared once here for all of them.

export interface RunProgress {
  /** Simulated time done over the run's duration, 0..1. */
  fraction: number;
  simulatedMs: number;
  /** Wall time since the run started, measured where it runs, so its pace needs no shared clock. */
  wallMs: number;
  /** Page references all tasks have made so far (live throughput is its rate over simulated time). */
  references: number;
  /**
   * Each task's cumulative references and top-tier hits at the latest sample (`sampleMs`), in the
   * result's task order: two of these give the live fast-tier hit ratio over the interval between.
   */
  tasks: TaskProgress[];
  sampleMs: number;
}

export interface TaskProgress {
  name: string;
  references: number;
  fastTierHits: number;
}
