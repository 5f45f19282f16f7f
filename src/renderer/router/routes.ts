// The app's addresses, as hash routes: `#/machines`, `#/runs/12`, `#/compare?runs=3,4&baseline=0`.
// Pure functions, so links and tests agree on one spelling.

export const PAGES = ['machines', 'workloads', 'policies', 'scenarios', 'compare'] as const;
export type Page = (typeof PAGES)[number];

export type Route = { page: Page } | { page: 'run'; runId: number };

export interface AppLocation {
  route: Route;
  query: Record<string, string>;
}

export const DEFAULT_ROUTE: Route = { page: 'machines' };

function isPage(name: string): name is Page {
  return (PAGES as readonly string[]).includes(name);
}

/** Reads a `location.hash`; anything unknown lands on the default page. */
export function parseHash(hash: string): AppLocation {
  const text = hash.replace(/^#/, '');
  const [path = '', search = ''] = text.split('?', 2);
  const query = Object.fromEntries(new URLSearchParams(search));
  const parts = path.split('/').filter(Boolean);
  const [head = '', id] = parts;
  if (head === 'runs' && id !== undefined && /^\d+$/.test(id)) {
    return { route: { page: 'run', runId: Number(id) }, query };
  }
  return { route: isPage(head) ? { page: head } : DEFAULT_ROUTE, query };
}

/** The hash for a route and query; empty query values are left out. */
export function hrefFor(route: Route, query: Record<string, string | undefined> = {}): string {
  const path = route.page === 'run' ? `runs/${route.runId}` : route.page;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  const search = params.toString();
  return `#/${path}${search ? `?${search}` : ''}`;
}
