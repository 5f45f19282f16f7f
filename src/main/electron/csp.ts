// The Content-Security-Policy of every app page: our own scripts only, inline styles (style attributes,
// and the <style> tags Vite injects in development), data: images, no plugins, framing or form posts.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `headers` with any CSP the response carried replaced by ours (header names compared case-insensitively). */
export function withCsp(headers: Record<string, string[]> = {}): Record<string, string[]> {
  const kept = Object.entries(headers).filter(
    ([name]) => !name.toLowerCase().startsWith('content-security-policy'),
  );
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}
