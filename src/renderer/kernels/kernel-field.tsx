// The policy's kernel version, picked where the preset lets it choose, with what that version changes.
import { Show } from 'solid-js';
import { DEFAULT_KERNEL, KERNEL_VERSIONS, type KernelVersion } from '../../shared/scenario/kernels.ts';
import { getPreset, resolveKernel } from '../../shared/scenario/presets.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { SelectField } from '../ui/choice-fields.tsx';
import { KernelChanges } from './kernel-changes.tsx';

/** The draft's kernel field as written: a version, or undefined when absent (or not a version). */
function draftKernel(value: unknown): KernelVersion | undefined {
  return KERNEL_VERSIONS.find((k) => k === value);
}

export function KernelField() {
  const { draft, setDraft } = useScenarioDraft();
  const preset = () => getPreset(draft.policy.preset);
  const choice = () => {
    const p = preset();
    return p && 'choice' in p.kernel ? p.kernel.choice : null;
  };
  const resolved = () => {
    const p = preset();
    return p ? resolveKernel(p, draftKernel(draft.policy.kernel)) : null;
  };
  return (
    <div class="kernel-field" data-testid="kernel-field">
      <Show when={choice()}>
        {(versions) => (
          <SelectField
            label="Kernel"
            path="policy.kernel"
            value={draftKernel(draft.policy.kernel)}
            options={versions()}
            emptyLabel={`default (${DEFAULT_KERNEL})`}
            labelOf={(k) => `Linux ${k}`}
            onChange={(k) => setDraft('policy', 'kernel', k)}
            testid="policy-kernel"
          />
        )}
      </Show>
      <KernelChanges kernel={resolved()} preset={preset()} />
    </div>
  );
}
