// Serves the built renderer on tierlab://app/ from out/renderer, each response with the app's CSP.
// The scheme must be registered as privileged before `ready`; the handler is installed after it.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, resolveRendererFile } from './app-url.ts';
import { contentType } from './content-type.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

/** Call before `ready`: a standard, secure scheme gets an origin, relative URLs and fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(rendererDir, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'Content-Type': contentType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
