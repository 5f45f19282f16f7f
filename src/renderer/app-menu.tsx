// The desktop application menu's actions that happen in the page (File: new/open/save scenario,
// import trace, export CSV). In web mode there is no menu and this does nothing.
import { onCleanup } from 'solid-js';
import type { MenuAction } from '../shared/api/bridge.ts';
import { electronBridge } from './api/bridge.ts';
import { useRouter } from './router/router-context.tsx';
import { useScenarioActions } from './scenarios/scenario-actions.ts';
import { useToast } from './toast/toast-context.tsx';
import { useImportTrace } from './workloads/use-import-trace.ts';

export function AppMenu() {
  const actions = useScenarioActions();
  const router = useRouter();
  const toast = useToast();
  const importTrace = useImportTrace();
  const handlers: Record<MenuAction, () => void> = {
    'scenario:new': () => actions.newFromExample(),
    'scenario:open': () => void actions.importFile(),
    'scenario:save': () => void actions.save(),
    'trace:import': () => {
      router.navigate({ page: 'workloads' });
      void importTrace();
    },
    'export:csv': () => {
      const route = router.location().route;
      if (route.page !== 'run') router.navigate({ page: 'scenarios' });
      toast.show({ message: 'Pick runs in the run list (or open one), then use its Export buttons.' });
    },
  };
  const bridge = electronBridge();
  if (bridge) onCleanup(bridge.onMenu((action) => handlers[action]()));
  return null;
}
