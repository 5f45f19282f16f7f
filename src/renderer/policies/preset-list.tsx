// The policy presets: what each reproduces, where it comes from, and the knobs it sets.
import { For } from 'solid-js';
import { PRESETS } from '../../shared/scenario/index.ts';
import { getPreset, presetKernelLabel } from '../../shared/scenario/presets.ts';
import { unwrap } from 'solid-js/store';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { useToast } from '../toast/toast-context.tsx';

/** "demotion, tiering promotion, mover: damon" from the preset's mechanism flags. */
function mechanisms(m: object): string {
  const words = Object.entries(m)
    .filter(([, v]) => v !== false && v !== undefined)
    .map(([k, v]) => (v === true ? k.replace(/([A-Z])/g, ' $1').toLowerCase() : `${k}: ${String(v)}`));
  return words.length ? words.join(', ') : 'none (no tiering at all)';
}

export function PresetList() {
  const { draft, setDraft } = useScenarioDraft();
  const toast = useToast();
  /**
   * Picking a preset applies its knobs: explicit knobs would otherwise keep overriding it (a
   * leftover numa_balancing = 0 silently turns linux-tiering into plain demotion). Undo restores them.
   */
  const pick = (name: string) => {
    const before = structuredClone(unwrap(draft.policy));
    const cleared = Object.keys(before.knobs);
    // The kernel chosen stays where the new preset lets the policy choose; a research preset has its own.
    const next = getPreset(name);
    const keepKernel = next && 'choice' in next.kernel && next.kernel.choice.some((k) => k === before.kernel);
    setDraft('policy', { preset: name, knobs: {}, kernel: keepKernel ? before.kernel : undefined });
    if (before.preset === name && cleared.length === 0) return;
    toast.show({
      message: cleared.length
        ? `Policy set to ${name}; its knobs replace your ${cleared.join(', ')}.`
        : `Policy set to ${name}.`,
      action: { label: 'Undo', run: () => setDraft('policy', before) },
      timeoutMs: 8000,
    });
  };
  return (
    <div class="preset-list" role="radiogroup" aria-label="Policy preset">
      <For each={PRESETS}>
        {(p) => (
          <button
            type="button"
            role="radio"
            class="preset-button"
            aria-checked={draft.policy.preset === p.name}
            aria-pressed={draft.policy.preset === p.name}
            data-testid={`policy-preset-${p.name}`}
            onClick={() => pick(p.name)}
          >
            <strong>
              {p.title} <code class="muted">{p.name}</code>
            </strong>
            <span>{p.summary}</span>
            <span class="muted small">Source: {p.source}</span>
            <span class="small">
              Sets:{' '}
              <For each={Object.entries(p.knobs)}>
                {([k, v]) => (
                  <code class="knob-chip">
                    {k}={String(v)}
                  </code>
                )}
              </For>{' '}
              · mechanisms: {mechanisms(p.mechanisms)} · kernel:{' '}
              <span data-testid={`preset-kernel-${p.name}`}>{presetKernelLabel(p)}</span>
            </span>
          </button>
        )}
      </For>
    </div>
  );
}
