// Deleting a run with undo: the server cannot undelete, so the run is hidden at once and the actual
// `run:delete` waits behind the Undo toast until it expires.
import { useApi } from '../api/api-context.tsx';
import { useToast } from '../toast/toast-context.tsx';
import { useRuns } from './runs-context.tsx';

export const UNDO_DELAY_MS = 5000;

export function useDeleteRun(): (runId: number, name: string) => void {
  const { client } = useApi();
  const toast = useToast();
  const runs = useRuns();
  return (runId, name) => {
    runs.hide(runId);
    toast.show({
      message: `Deleted run ${runId} (${name}).`,
      timeoutMs: UNDO_DELAY_MS,
      action: { label: 'Undo', run: () => runs.restore(runId) },
      onExpire: () =>
        void client
          .call('run:delete', { runId })
          .then(() => runs.refresh())
          .catch((e: unknown) => {
            runs.restore(runId);
            toast.error(e);
          }),
    });
  };
}
