// What a kernel changes against the other modelled version, listed from KERNEL_CHANGES (the one
// place the differences are declared), or why a research preset keeps its own kernel.
import { For, Show } from 'solid-js';
import { KERNEL_CHANGES, KERNEL_RELEASES, type KernelVersion } from '../../shared/scenario/kernels.ts';
import type { PolicyPreset } from '../../shared/scenario/presets.ts';

export function KernelChanges(props: { kernel: KernelVersion | null; preset: PolicyPreset | undefined }) {
  const other = () => (props.kernel === '6.1' ? '6.12' : '6.1');
  return (
    <div class="kernel-changes" data-testid="kernel-changes">
      <Show
        when={props.kernel}
        fallback={
          <Show when={props.preset && 'fixed' in props.preset.kernel && props.preset.kernel}>
            {(fixed) => (
              <p class="small" data-testid="kernel-fixed">
                Runs its series' own kernel ({fixed().fixed}): {fixed().reason}.
              </p>
            )}
          </Show>
        }
      >
        {(kernel) => (
          <>
            <p class="small muted">
              Linux {kernel()} (released {KERNEL_RELEASES[kernel()].released};{' '}
              {KERNEL_RELEASES[kernel()].shippedBy}
              ). What it changes against {other()}:
            </p>
            <ul class="small">
              <For each={KERNEL_CHANGES}>
                {(c) => (
                  <li data-testid="kernel-change">
                    {c.in === kernel() ? 'Has: ' : 'Lacks: '}
                    {c.what} <span class="muted">({c.source})</span>
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Show>
    </div>
  );
}
