// The run's settings: the engine, simulated duration, tick, sampling interval and seed, times in ms or s.
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { QuantityField } from '../ui/quantity-field.tsx';
import { SelectField } from '../ui/choice-fields.tsx';
import { RUN_ENGINES } from '../../shared/scenario/schema.ts';
import { TIME_MS, formatMs, parseQuantity } from '../units/quantity.ts';

const ms = (t: string) => parseQuantity(t, TIME_MS);
const EXPECT_MS = 'a time such as 60000, 60s or 2min';

export function RunSettings() {
  const { draft, setDraft } = useScenarioDraft();
  const set = (field: string) => (v: unknown) => setDraft('run', field, v);
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && v > 0 ? v : fallback);
  const samples = () => Math.floor(num(draft.run.durationMs, 60_000) / num(draft.run.sampleEveryMs, 100)) + 1;
  return (
    <div class="field-grid">
      <SelectField
        label="Engine"
        path="run.engine"
        value={RUN_ENGINES.find((e) => e === draft.run.engine)}
        options={RUN_ENGINES}
        emptyLabel="default (rate)"
        onChange={set('engine')}
        testid="run-engine"
      />
      <QuantityField
        label="Duration"
        unit="ms"
        path="run.durationMs"
        value={draft.run.durationMs}
        onCommit={set('durationMs')}
        parse={ms}
        expect={EXPECT_MS}
        placeholder="60000"
        hint={typeof draft.run.durationMs === 'number' ? formatMs(draft.run.durationMs) : 'simulated time'}
        testid="run-duration"
      />
      <QuantityField
        label="Tick"
        unit="ms"
        path="run.tickMs"
        value={draft.run.tickMs}
        onCommit={set('tickMs')}
        parse={ms}
        expect={EXPECT_MS}
        placeholder="10"
        testid="run-tick"
      />
      <QuantityField
        label="Sample every"
        unit="ms"
        path="run.sampleEveryMs"
        value={draft.run.sampleEveryMs}
        onCommit={set('sampleEveryMs')}
        parse={ms}
        expect={EXPECT_MS}
        placeholder="100"
        hint={`${samples().toLocaleString()} samples`}
        testid="run-sample-every"
      />
      <QuantityField
        label="Seed"
        path="run.seed"
        value={draft.run.seed}
        onCommit={set('seed')}
        parse={(t) => (/^\s*\d+\s*$/.test(t) ? Number(t) : null)}
        expect="a whole number from 0 to 4294967295"
        placeholder="1"
        hint="repeats use seed, seed+1, …"
        testid="run-seed"
      />
    </div>
  );
}
