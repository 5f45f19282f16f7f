// What the kernel derives from the machine: memory tiers, demotion targets, watermarks and the boot
// log, or the reasons it would refuse the machine.
import { For, Match, Show, Switch } from 'solid-js';
import type { DerivedMachine } from '../../shared/api/types.ts';
import type { ScenarioError } from '../../shared/scenario/index.ts';
import type { DeriveState } from './create-derive.ts';
import { DerivedTiers } from './derived-tiers.tsx';
import { WatermarkTable } from './watermark-table.tsx';
import { nodeKindsOf } from '../scenario/document-facts.ts';

export function DerivedView(props: { derive: DeriveState; pageSize: number }) {
  const ok = (): DerivedMachine | undefined => {
    const r = props.derive.result();
    return r?.ok ? r.value : undefined;
  };
  const errors = (): ScenarioError[] => {
    const r = props.derive.result();
    return r && !r.ok ? r.errors : [];
  };
  return (
    <section class="panel derived" data-testid="derived" aria-busy={props.derive.pending()}>
      <header class="panel-header">
        <h2>What the kernel derives</h2>
        <Show when={props.derive.pending()}>
          <span class="muted">updating…</span>
        </Show>
      </header>
      <Switch>
        <Match when={props.derive.failure()}>
          <p class="error-text" data-testid="derived-error">
            {props.derive.failure()}
          </p>
        </Match>
        <Match when={errors().length > 0}>
          <div class="error-summary" data-testid="derived-error" role="alert">
            <strong>The kernel would not boot this machine:</strong>
            <ul>
              <For each={errors()}>
                {(e) => (
                  <li data-testid="error-message">
                    <code>{e.path}</code> {e.message}
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Match>
        <Match when={ok()}>
          {(d) => (
            <>
              <DerivedTiers derived={d()} kinds={nodeKindsOf({ machine: props.derive.machine() })} />
              <WatermarkTable derived={d()} pageSize={props.pageSize} />
              <h3>Boot log</h3>
              <pre class="boot-log" data-testid="derived-log">
                {d().log.join('\n')}
              </pre>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
