// A node's memory hot-plug: whether its memory is added at run time (daxctl reconfigure-device
// --mode=system-ram), when it is onlined and offlined, into which zone, and the memory block size.
import { Show } from 'solid-js';
import { ONLINE_TYPES } from '../../shared/scenario/index.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CheckField, SelectField } from '../ui/choice-fields.tsx';
import { QuantityField, SizeField } from '../ui/quantity-field.tsx';

type OnlineType = (typeof ONLINE_TYPES)[number];
type Hotplug = { onlineAtMs?: unknown; offlineAtMs?: unknown; mode?: unknown };

const MODE_LABEL: Record<OnlineType, string> = {
  online_movable: 'online_movable · ZONE_MOVABLE, user pages only (daxctl default)',
  online: 'online · ZONE_NORMAL, kernel memory too (--no-movable)',
};
const ms = (t: string) => (/^\s*\d+(\.\d+)?\s*$/.test(t) ? Number(t) : null);

export function HotplugFields(props: { index: number }) {
  const { draft, setDraft } = useScenarioDraft();
  const hotplug = () => draft.machine.nodes[props.index]!.hotplug as Hotplug | undefined;
  const path = (field: string) => `machine.nodes[${props.index}].hotplug.${field}`;
  const id = (field: string) => `node-${props.index}-hotplug-${field}`;
  const set = (field: keyof Hotplug) => (v: unknown) =>
    setDraft('machine', 'nodes', props.index, 'hotplug', { ...hotplug(), [field]: v });
  return (
    <>
      <CheckField
        label="Hot-plugged"
        path={`machine.nodes[${props.index}].hotplug`}
        checked={hotplug() !== undefined}
        onChange={(on) =>
          setDraft(
            'machine',
            'nodes',
            props.index,
            'hotplug',
            on ? { onlineAtMs: 0, mode: 'online_movable' } : undefined,
          )
        }
        title="The node's memory is absent at boot and added while the run goes, as dax/kmem adds a PMEM or CXL device"
        testid={id('enabled')}
      />
      <Show when={hotplug()}>
        <QuantityField
          label="Online at"
          unit="ms"
          path={path('onlineAtMs')}
          value={hotplug()?.onlineAtMs}
          onCommit={set('onlineAtMs')}
          placeholder="never"
          parse={ms}
          expect="a time in ms since the run started"
          testid={id('online')}
        />
        <QuantityField
          label="Offline at"
          unit="ms"
          path={path('offlineAtMs')}
          value={hotplug()?.offlineAtMs}
          onCommit={set('offlineAtMs')}
          placeholder="never"
          parse={ms}
          expect="a time in ms after the online time"
          testid={id('offline')}
        />
        <SelectField
          label="Online as"
          path={path('mode')}
          value={(hotplug()?.mode as OnlineType | undefined) ?? 'online_movable'}
          options={ONLINE_TYPES}
          labelOf={(m) => MODE_LABEL[m]}
          onChange={(m) => set('mode')(m)}
          testid={id('mode')}
        />
        <SizeField
          label="Memory block size (machine)"
          path="machine.memoryBlockSize"
          value={draft.machine.memoryBlockSize}
          onCommit={(v) => setDraft('machine', 'memoryBlockSize', v as string | undefined)}
          placeholder="128MiB"
          testid="memory-block-size"
        />
      </Show>
    </>
  );
}
