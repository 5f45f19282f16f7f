// Scenarios & runs: compose and save the scenario, start runs, and follow them in the run list.
import { RunList } from '../runs/run-list.tsx';
import { ScenarioComposer } from './scenario-composer.tsx';
import { ScenarioList } from './scenario-list.tsx';
import { TunePanel } from '../tune/tune-panel.tsx';

export function ScenariosPage() {
  return (
    <div class="page" data-testid="page-scenarios">
      <header class="page-header">
        <h1>Scenarios & runs</h1>
        <p class="muted">
          A scenario is the machine, workloads and policy from the other pages plus run settings. Save it, run
          it with repeats (consecutive seeds), and open a run to watch its counters.
        </p>
      </header>
      <div class="scenario-columns">
        <ScenarioComposer />
        <ScenarioList />
      </div>
      <TunePanel />
      <RunList />
    </div>
  );
}
