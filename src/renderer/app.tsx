// The app shell: the left navigation, the page for the current address, toasts and global keys.
import { For, Match, Show, Switch } from 'solid-js';
import { useApi } from './api/api-context.tsx';
import { AppMenu } from './app-menu.tsx';
import { ComparePage } from './compare/compare-page.tsx';
import { MachinesPage } from './machines/machines-page.tsx';
import { PoliciesPage } from './policies/policies-page.tsx';
import { useRouter } from './router/router-context.tsx';
import { hrefFor, type Page, type Route } from './router/routes.ts';
import { RunViewPage } from './run-view/run-view-page.tsx';
import { useScenarioDraft } from './scenario/scenario-draft-context.tsx';
import { useScenarioActions } from './scenarios/scenario-actions.ts';
import { ScenariosPage } from './scenarios/scenarios-page.tsx';
import { HelpPopover } from './shortcuts/help-popover.tsx';
import { createShortcut } from './shortcuts/shortcuts-context.tsx';
import { useToast } from './toast/toast-context.tsx';
import { WorkloadsPage } from './workloads/workloads-page.tsx';

const NAV: { page: Page; label: string; key: string }[] = [
  { page: 'machines', label: 'Machines', key: 'm' },
  { page: 'workloads', label: 'Workloads', key: 'w' },
  { page: 'policies', label: 'Policies', key: 'p' },
  { page: 'scenarios', label: 'Scenarios & runs', key: 's' },
  { page: 'compare', label: 'Compare', key: 'c' },
];

const DRAFT_STATE = { saved: 'saved', example: 'example, not saved', unsaved: 'unsaved changes' } as const;

const runIdOf = (r: Route) => (r.page === 'run' ? r.runId : undefined);

function GlobalKeys() {
  const router = useRouter();
  const toast = useToast();
  const actions = useScenarioActions();
  createShortcut('mod+s', 'Save the scenario being composed', () => void actions.save());
  for (const item of NAV) {
    createShortcut(`g ${item.key}`, `Go to ${item.label}`, () => router.navigate({ page: item.page }));
  }
  createShortcut('u', 'Undo the last deletion or replacement (the toast’s Undo)', () => {
    const t = toast.latestAction();
    if (!t?.action) return;
    toast.dismiss(t.id, true);
    t.action.run();
  });
  return null;
}

function Nav() {
  const router = useRouter();
  const { socket, kind } = useApi();
  const { draft, state } = useScenarioDraft();
  const current = () => {
    const r = router.location().route;
    return r.page === 'run' ? 'scenarios' : r.page;
  };
  return (
    <nav class="nav" aria-label="Pages">
      <div class="brand">Tierlab</div>
      <ul>
        <For each={NAV}>
          {(item) => (
            <li>
              <a
                href={hrefFor({ page: item.page })}
                data-testid={`nav-${item.page}`}
                aria-current={current() === item.page ? 'page' : undefined}
                title={`g then ${item.key}`}
              >
                {item.label}
              </a>
            </li>
          )}
        </For>
      </ul>
      <div class="nav-footer">
        <div class="draft-status" title="The scenario being composed; kept across reloads">
          <span class="muted small">Draft</span>
          <span class="draft-name">{draft.name || 'untitled'}</span>
          <span class="muted small" data-testid="draft-state" data-state={state()}>
            {DRAFT_STATE[state()]}
          </span>
        </div>
        <HelpPopover />
        <span class={`conn conn-${socket()}`} data-testid="connection" title="Live events from the lab">
          {kind === 'electron' ? 'desktop' : socket() === 'open' ? 'live' : 'reconnecting…'}
        </span>
      </div>
    </nav>
  );
}

export function App() {
  const router = useRouter();
  const route = () => router.location().route;
  return (
    <div class="app">
      <GlobalKeys />
      <AppMenu />
      <Nav />
      <main class="content">
        <Switch>
          <Match when={route().page === 'machines'}>
            <MachinesPage />
          </Match>
          <Match when={route().page === 'workloads'}>
            <WorkloadsPage />
          </Match>
          <Match when={route().page === 'policies'}>
            <PoliciesPage />
          </Match>
          <Match when={route().page === 'scenarios'}>
            <ScenariosPage />
          </Match>
          <Match when={route().page === 'compare'}>
            <ComparePage />
          </Match>
          <Match when={route().page === 'run'}>
            <Show when={runIdOf(route())} keyed>
              {(runId) => <RunViewPage runId={runId} />}
            </Show>
          </Match>
        </Switch>
      </main>
    </div>
  );
}
