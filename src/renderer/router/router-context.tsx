// A tiny hash router: the current location as a signal, `navigate`, and `setQuery` for page state
// that belongs in the address (picked runs, counter) without adding history entries.
import {
  createContext,
  createSignal,
  onCleanup,
  useContext,
  type Accessor,
  type ParentProps,
} from 'solid-js';
import { hrefFor, parseHash, type AppLocation, type Route } from './routes.ts';

export interface RouterApi {
  location: Accessor<AppLocation>;
  navigate(route: Route, query?: Record<string, string | undefined>): void;
  /** Merges into the current query, replacing the history entry. */
  setQuery(patch: Record<string, string | undefined>): void;
}

const RouterContext = createContext<RouterApi>();

export function RouterProvider(props: ParentProps) {
  const [location, setLocation] = createSignal(parseHash(window.location.hash));
  const sync = () => setLocation(parseHash(window.location.hash));
  window.addEventListener('hashchange', sync);
  onCleanup(() => window.removeEventListener('hashchange', sync));
  const api: RouterApi = {
    location,
    navigate(route, query) {
      window.location.hash = hrefFor(route, query);
    },
    setQuery(patch) {
      const current = location();
      const href = hrefFor(current.route, { ...current.query, ...patch });
      window.history.replaceState(null, '', href);
      sync();
    },
  };
  return <RouterContext.Provider value={api}>{props.children}</RouterContext.Provider>;
}

export function useRouter(): RouterApi {
  const ctx = useContext(RouterContext);
  if (!ctx) throw new Error('useRouter() must be used inside <RouterProvider>');
  return ctx;
}
