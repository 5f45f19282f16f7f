// The composed scenario at a glance: machine, workloads and policy, each linking to its editor page.
import { getPreset, presetKernelLabel, resolveKernel } from '../../shared/scenario/presets.ts';
import { KERNEL_VERSIONS } from '../../shared/scenario/kernels.ts';
import { For, Show, type ParentProps } from 'solid-js';
import { hrefFor } from '../router/routes.ts';
import { errorsUnder } from '../scenario/errors-by-path.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';

function Part(
  props: ParentProps<{ title: string; page: 'machines' | 'workloads' | 'policies'; prefix: string }>,
) {
  const { errors } = useScenarioDraft();
  const n = () => errorsUnder(errors(), props.prefix).length;
  return (
    <div class={`part ${n() ? 'part-invalid' : ''}`} data-testid={`part-${props.prefix}`}>
      <div class="part-head">
        <strong>{props.title}</strong>
        <Show when={n()}>
          <span class="error-text small">
            {n()} problem{n() === 1 ? '' : 's'}
          </span>
        </Show>
        <a href={hrefFor({ page: props.page })} class="small">
          edit
        </a>
      </div>
      <div class="part-body">{props.children}</div>
    </div>
  );
}

export function PartsSummary() {
  const { draft } = useScenarioDraft();
  const kernelLabel = () => {
    const preset = getPreset(draft.policy.preset);
    if (!preset) return '?';
    const kernel = resolveKernel(
      preset,
      KERNEL_VERSIONS.find((k) => k === draft.policy.kernel),
    );
    return kernel ?? presetKernelLabel(preset);
  };
  const knobs = () => Object.entries(draft.policy.knobs).filter(([, v]) => v !== undefined);
  return (
    <div class="parts">
      <Part title="Machine" page="machines" prefix="machine">
        <For each={draft.machine.nodes}>
          {(n) => (
            <div class={`tier-node kind-${String(n.memory)}`}>
              node{n.id} {String(n.memory).toUpperCase()} {String(n.capacity)}{' '}
              <span class="muted">{n.cpus ? `${String(n.cpus)} CPUs` : 'CPU-less'}</span>
            </div>
          )}
        </For>
        <Show when={draft.machine.nodes.length === 0}>
          <span class="muted">no nodes</span>
        </Show>
      </Part>
      <Part title="Workloads" page="workloads" prefix="workload">
        <For each={draft.workload} fallback={<span class="muted">none yet</span>}>
          {(w) => (
            <div>
              <code>{w.name || 'unnamed'}</code> <span class="muted">{w.type}</span>
            </div>
          )}
        </For>
      </Part>
      <Part title="Policy" page="policies" prefix="policy">
        <div>
          preset <code>{draft.policy.preset}</code>
        </div>
        <div data-testid="summary-kernel">
          kernel <code>{kernelLabel()}</code>
        </div>
        <For each={knobs()}>
          {([k, v]) => (
            <div>
              <code>
                {k} = {String(v)}
              </code>
            </div>
          )}
        </For>
      </Part>
    </div>
  );
}
