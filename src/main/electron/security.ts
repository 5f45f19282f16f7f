// What app pages may do beyond their CSP: no requests outside the app, no new windows, no navigation
// away, no webviews, and no permissions but clipboard writes and full screen.
import type { Session, WebContents } from 'electron';
import { withCsp } from './csp.ts';

type UrlTest = (url: string) => boolean;

const ALLOWED_PERMISSIONS = new Set<string>(['clipboard-sanitized-write', 'fullscreen']);

/**
 * Cancels every request the app may not make and puts the CSP header on the app's own pages.
 * The tierlab:// handler sets the header itself too: webRequest is not documented to see custom schemes.
 */
export function secureSession(session: Session, isApp: UrlTest, mayLoad: UrlTest): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !mayLoad(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) =>
    callback(isApp(details.url) ? { responseHeaders: withCsp(details.responseHeaders) } : {}),
  );
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

/** For every web contents, the devtools' included: no window.open, no <webview>. */
export function denyNewContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** For an app window: any frame may navigate only within the app. */
export function keepOnApp(contents: WebContents, isApp: UrlTest): void {
  contents.on('will-frame-navigate', (event) => {
    if (!isApp(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isApp(event.url)) event.preventDefault();
  });
}
