// Live throughput of a running run: page references per simulated second between two progress
// events (the samples carry vmstat counters only, not the tasks' work).
import { createSignal, type Accessor } from 'solid-js';
import { createApiEvent } from '../api/api-context.tsx';

export function createLiveThroughput(runId: Accessor<number>): Accessor<number | null> {
  const [rate, setRate] = createSignal<number | null>(null);
  let last: { simulatedMs: number; references: number } | null = null;
  createApiEvent('run:progress', (e) => {
    if (e.runId !== runId()) return;
    if (last && e.simulatedMs > last.simulatedMs) {
      setRate(((e.references - last.references) * 1000) / (e.simulatedMs - last.simulatedMs));
    }
    last = { simulatedMs: e.simulatedMs, references: e.references };
  });
  return rate;
}
