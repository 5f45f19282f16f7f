import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withCsp } from './csp.ts';

describe('the content security policy', () => {
  it('allows only the app itself to run scripts and load content', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(directives.get('object-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('replaces any policy a response brought, whatever the header case, and keeps other headers', () => {
    const headers = withCsp({
      'content-security-policy': ['default-src *'],
      'Content-Security-Policy-Report-Only': ['script-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('adds the policy to a response without headers', () => {
    expect(withCsp()).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
