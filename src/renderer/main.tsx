// Entry point: pick the transport (Electron bridge or web client) and mount the app with its providers.
import { render } from 'solid-js/web';
import { ApiProvider } from './api/api-context.tsx';
import { pickTransport } from './api/transport.ts';
import { App } from './app.tsx';
import { RouterProvider } from './router/router-context.tsx';
import { RunsProvider } from './runs/runs-context.tsx';
import { ScenarioDraftProvider } from './scenario/scenario-draft-context.tsx';
import { ShortcutsProvider } from './shortcuts/shortcuts-context.tsx';
import { ToastProvider } from './toast/toast-context.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/tables.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const transport = pickTransport();

render(
  () => (
    <ApiProvider transport={transport}>
      <ToastProvider>
        <RouterProvider>
          <ShortcutsProvider>
            <ScenarioDraftProvider>
              <RunsProvider>
                <App />
              </RunsProvider>
            </ScenarioDraftProvider>
          </ShortcutsProvider>
        </RouterProvider>
      </ToastProvider>
    </ApiProvider>
  ),
  root,
);
