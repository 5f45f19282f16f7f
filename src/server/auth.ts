// Web mode's guard: a random token per launch that every request carries (header, query or the
// cookie set when the page is first opened with it), and a Host check against DNS rebinding.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-tierlab-token';
/** The cookie's name carries the port: browsers send a host's cookies to all its ports. */
export function tokenCookie(port: number): string {
  return `tierlab_token_${port}`;
}

export function newToken(): string {
  return randomBytes(24).toString('hex');
}

function cookieToken(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === name && v) return v;
  }
  return null;
}

/** The token the request presents, from the header, the `token` query parameter or the cookie. */
export function presentedToken(req: IncomingMessage, url: URL, port: number): string | null {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return url.searchParams.get('token') ?? cookieToken(req, tokenCookie(port));
}

export function tokenMatches(presented: string | null, token: string): boolean {
  if (!presented || presented.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(presented), Buffer.from(token));
}

/** Only loopback host names: a page on another origin cannot rebind its name to us. */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host);
}
