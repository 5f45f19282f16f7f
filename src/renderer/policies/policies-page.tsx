// Policies: a preset (a kernel or a research system) and the knobs, by the kernel's own names, that
// override it.
import { reconcile, unwrap } from 'solid-js/store';
import { SavedParts } from '../parts/saved-parts.tsx';
import type { DraftPolicy } from '../scenario/draft.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { ErrorSummary } from '../ui/error-summary.tsx';
import { KnobTable } from './knob-table.tsx';
import { KernelField } from '../kernels/kernel-field.tsx';
import { PresetList } from './preset-list.tsx';

export function PoliciesPage() {
  const { draft, setDraft } = useScenarioDraft();
  return (
    <div class="page" data-testid="page-policies">
      <header class="page-header">
        <h1>Policy</h1>
        <p class="muted">
          Pick the kernel to model, then tune knobs. A knob left empty keeps the preset's value (shown in
          grey), and the preset's knobs keep the kernel's defaults; an explicit knob wins over both.
        </p>
      </header>
      <section class="panel">
        <header class="panel-header">
          <h2>Preset</h2>
        </header>
        <PresetList />
      </section>
      <section class="panel">
        <header class="panel-header">
          <h2>Kernel</h2>
        </header>
        <KernelField />
      </section>
      <ErrorSummary prefixes={['policy']} title="The policy is not valid" />
      <section class="panel">
        <header class="panel-header">
          <h2>Knobs</h2>
        </header>
        <KnobTable />
      </section>
      <SavedParts
        kind="policy"
        current={() => unwrap(draft.policy)}
        apply={(doc) => setDraft('policy', reconcile(doc as DraftPolicy))}
      />
    </div>
  );
}
