// A workload's mempolicy: the mode (set_mempolicy's MPOL_*) and its node list, typed "0,2" or "0-3".
import { Show } from 'solid-js';
import { MEMPOLICY_MODES } from '../../shared/scenario/index.ts';
import { isRecord } from '../scenario/draft.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { CommitInput } from '../ui/commit-input.tsx';
import { CheckField, SelectField } from '../ui/choice-fields.tsx';
import { Field } from '../ui/field.tsx';
import { fieldErrorId, useHasError } from '../ui/field-error.tsx';
import { interleaveWeightsText } from '../machines/interleave-edits.ts';

/** Modes that take a node list; MPOL_DEFAULT takes none (set_mempolicy rejects a nodemask with it). */
const takesNodes = (mode: unknown) =>
  mode === 'bind' || mode === 'preferred' || mode === 'interleave' || mode === 'weighted_interleave';

/** "0,2-3" -> [0, 2, 3]; null if any part is not a node or range. */
export function parseNodeList(text: string): number[] | null {
  const out: number[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return null;
    const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out;
}

export function MempolicyFields(props: { index: number }) {
  const { draft, setDraft } = useScenarioDraft();
  const policy = () => {
    const p = draft.workload[props.index]?.mempolicy;
    return isRecord(p) ? p : {};
  };
  const path = (f: string) => `workload[${props.index}].mempolicy${f ? `.${f}` : ''}`;
  const set = (field: string, v: unknown) => {
    // Going back to the default drops the node list rather than leaving an error behind.
    if (field === 'mode' && !takesNodes(v)) {
      setDraft('workload', props.index, 'mempolicy', undefined);
      return;
    }
    const next: Record<string, unknown> = { ...policy(), [field]: v };
    // MPOL_F_NUMA_BALANCING goes with MPOL_BIND only (6.1's sanitize_mpol_flags): drop it elsewhere.
    // Undefined, not deleted: the store merges objects, and undefined is how it removes a key.
    if ((field === 'mode' && v !== 'bind') || (Array.isArray(next.flags) && next.flags.length === 0))
      next.flags = undefined;
    const empty =
      next.mode === undefined && (next.nodes === undefined || (next.nodes as unknown[]).length === 0);
    setDraft('workload', props.index, 'mempolicy', empty ? undefined : next);
  };
  const nodesText = (v: unknown) => (Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : '');
  const localNodes = () =>
    typeof policy().nodes === 'string'
      ? `expected node ids such as 0,1 or 0-3 (got "${String(policy().nodes)}")`
      : null;
  const nodesError = useHasError(() => path('nodes'), true);
  const nodesInvalid = () => nodesError() || localNodes() !== null;
  // Nodes left over with a mode that takes none (a file says "default" and lists nodes) stay
  // editable, with the validator's message, so they can be cleared.
  const balanced = () => {
    const flags = policy().flags;
    return Array.isArray(flags) && flags.includes('numa_balancing');
  };
  const noNodes = () => !takesNodes(policy().mode) && policy().nodes === undefined;
  return (
    <>
      <SelectField
        label="Mempolicy"
        path={path('mode')}
        value={policy().mode as (typeof MEMPOLICY_MODES)[number] | undefined}
        options={MEMPOLICY_MODES.filter((m) => m !== 'default')}
        emptyLabel="default (local first)"
        onChange={(mode) => set('mode', mode)}
        title="MPOL_BIND, MPOL_PREFERRED, MPOL_INTERLEAVE or MPOL_WEIGHTED_INTERLEAVE (6.9+, weights in the machine) over the nodes; default allocates locally first"
        testid={`workload-${props.index}-mempolicy-mode`}
      />
      <Field
        label="Policy nodes"
        path={path('nodes')}
        list
        title="Nodes of the policy: 0,1 or 0-3"
        local={localNodes()}
      >
        <CommitInput
          value={policy().nodes}
          toValue={(t) => (t.trim() === '' ? undefined : (parseNodeList(t) ?? t))}
          display={nodesText}
          onCommit={(v) => set('nodes', v)}
          placeholder={takesNodes(policy().mode) ? 'none' : 'pick a mode first'}
          disabled={noNodes()}
          aria-invalid={nodesInvalid()}
          aria-describedby={nodesInvalid() ? fieldErrorId(path('nodes')) : undefined}
          data-testid={`workload-${props.index}-mempolicy-nodes`}
          data-path={path('nodes')}
        />
      </Field>
      <Show when={policy().mode === 'bind' || policy().flags !== undefined}>
        <CheckField
          label="NUMA balancing"
          path={path('flags')}
          checked={balanced()}
          onChange={(on) => set('flags', on ? ['numa_balancing'] : [])}
          title="MPOL_F_NUMA_BALANCING (numactl --balancing): without it NUMA balancing skips a bound task (vma_policy_mof)"
          testid={`workload-${props.index}-mempolicy-balancing`}
        />
      </Show>
      <Show when={policy().mode === 'weighted_interleave'}>
        <p class="muted small" data-testid={`workload-${props.index}-mempolicy-weights`}>
          Weights (machine, weighted_interleave/nodeN): {interleaveWeightsText(draft.machine)}
        </p>
      </Show>
    </>
  );
}
