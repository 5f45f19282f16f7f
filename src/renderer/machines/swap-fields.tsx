// The optional swap device: none, or a capacity (in whole pages) and a device kind with its page I/O times.
import { Show } from 'solid-js';
import { SWAP_DEVICE_DEFAULTS, SWAP_DEVICES, type SwapDevice } from '../../shared/scenario/index.ts';
import { parseSize } from '../../shared/units.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { SelectField } from '../ui/choice-fields.tsx';
import { SizeField } from '../ui/quantity-field.tsx';

export function SwapFields() {
  const { draft, setDraft } = useScenarioDraft();
  const swap = () => draft.machine.swap;
  const io = (d: SwapDevice) => SWAP_DEVICE_DEFAULTS[d];
  return (
    <>
      <SelectField
        label="Swap device"
        path="machine.swap.device"
        value={swap()?.device as SwapDevice | undefined}
        options={SWAP_DEVICES}
        emptyLabel="none (no swap)"
        labelOf={(d) => `${d} · in ${io(d).pageInUs} µs, out ${io(d).pageOutUs} µs`}
        onChange={(device) =>
          setDraft('machine', 'swap', device ? { capacity: swap()?.capacity ?? '1GiB', device } : undefined)
        }
        testid="swap-device"
      />
      <Show when={swap()}>
        <SizeField
          label="Swap size"
          path="machine.swap.capacity"
          value={swap()?.capacity}
          onCommit={(v) => setDraft('machine', 'swap', 'capacity', v as string)}
          pageSize={parseSize(draft.machine.pageSize ?? 4096) ?? 4096}
          testid="swap-capacity"
        />
      </Show>
    </>
  );
}
