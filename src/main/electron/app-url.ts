// The app's own origin. The bundled renderer is served as tierlab://app/ (a privileged standard scheme,
// so its pages have a real origin and carry our CSP header); in development it comes from electron-vite's
// dev server. Everything else (the network, file://) is not the app and is refused.
import { extname, join, resolve, sep } from 'node:path';

export const APP_SCHEME = 'tierlab';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Schemes that reach outside the app; a request with one of them is cancelled unless it is the app's. */
const OUTSIDE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The page the window loads: the dev server's in development, the bundled one otherwise. */
export function entryUrl(devUrl: string | null): string {
  return devUrl ?? APP_ENTRY_URL;
}

/** True for a page of the app: the app scheme, or (in development only) the dev server's origin. */
export function isAppUrl(url: string, devUrl: string | null): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
  const dev = devUrl === null ? null : parse(devUrl);
  return dev !== null && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin;
}

/**
 * Whether the app's pages may load `url` at all. Example: with the dev server at http://localhost:5173,
 * ws://localhost:5173/ (its hot reload) and data: images may load; https://example.com and
 * file:///etc/passwd may not. Without a dev server every http, ws and file URL is refused.
 */
export function mayLoad(url: string, devUrl: string | null): boolean {
  const u = parse(url);
  if (!u) return false;
  if (!OUTSIDE_SCHEMES.has(u.protocol)) return true;
  if (isAppUrl(url, devUrl)) return true;
  const dev = devUrl === null ? null : parse(devUrl);
  return dev !== null && (u.protocol === 'ws:' || u.protocol === 'wss:') && u.host === dev.host;
}

/**
 * The file under `root` that an app URL names, or null when the URL is not the app's or escapes `root`.
 * Paths without an extension fall back to index.html, so a reload on a client-side route still works.
 */
export function resolveRendererFile(root: string, url: string): string | null {
  const u = parse(url);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  if (!file.startsWith(base + sep)) return file === base ? join(base, 'index.html') : null;
  return extname(file) === '' ? join(base, 'index.html') : file;
}
