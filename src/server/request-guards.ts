// What every web-mode request must pass besides the token: the page that sent it is our own
// (no cross-site request forgery from another 127.0.0.1 port), its body is JSON of bounded size
// and depth, and every answer carries headers that keep it from being framed or sniffed.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bodies above this are refused with 413 (an imported trace travels as base64 inside one). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** JSON nested deeper than this is refused with 400 before it is parsed. */
export const MAX_JSON_DEPTH = 64;

export class RequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The origins our own pages have: the loopback names the Host check allows. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`];
}

/**
 * A request another site's page could have sent is refused: a foreign `Origin`, or a browser's
 * `Sec-Fetch-Site` other than same-origin (or `none`, typed by the user). Tools without either
 * header (curl, the CLI's tests) still pass: they carry the token, which no other page knows.
 */
export function fromOwnPage(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigins(port).includes(origin)) return false;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** The headers every answer carries; `connect-src` reaches this server alone. */
export function setSecurityHeaders(res: ServerResponse, port: number): void {
  res.setHeader(
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; object-src 'none'; ` +
      "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  );
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
}

/** The deepest nesting of arrays and objects in JSON text, counted without recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** Reads a JSON request body (none is `{}`). Throws RequestError 415, 413 or 400 with the reason. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  // An empty body needs no type (a tool calling a channel without arguments); any other must say JSON.
  if (type !== 'application/json' && (type !== '' || Number(req.headers['content-length'] ?? 0) > 0))
    throw new RequestError(415, 'send the body as application/json');
  if (type !== 'application/json' && req.headers['transfer-encoding'] !== undefined)
    throw new RequestError(415, 'send the body as application/json');
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new RequestError(413, `request body over ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new RequestError(400, `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new RequestError(400, `invalid JSON: ${(e as Error).message}`);
  }
}
