// Importing a lackey trace as a new `trace` workload of the scenario being composed: shared by the
// Workloads page's button and the desktop menu's File > Import trace.
import { unwrap } from 'solid-js/store';
import { useApi } from '../api/api-context.tsx';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { useToast } from '../toast/toast-context.tsx';
import { importTrace } from './import-trace.ts';
import { newWorkload, uniqueName } from './workload-fields.ts';

export function useImportTrace(): () => Promise<void> {
  const { client } = useApi();
  const { draft, setDraft } = useScenarioDraft();
  const toast = useToast();
  return async () => {
    const imported = await toast.guard(() => importTrace(client));
    if (!imported) return;
    const list = structuredClone(unwrap(draft.workload));
    const names = list.map((w) => w.name);
    list.push({
      ...newWorkload('trace', names),
      name: uniqueName(imported.name, names),
      file: imported.file,
    });
    setDraft('workload', list);
    const c = imported.counts;
    toast.show({
      message: `Trace ${imported.name}: ${c.accesses.toLocaleString()} accesses, ${c.pages.toLocaleString()} pages of footprint.`,
      kind: 'success',
    });
  };
}
