import { securityHeaders } from './security-headers';

describe('security headers', () => {
  it("are helmet's headers for the options, worked out once, without X-Powered-By", () => {
    const headers = securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] } } });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers).not.toHaveProperty('x-powered-by');
    expect(Object.keys(headers).every((k) => k === k.toLowerCase())).toBe(true);
  });

  it('follow the options: a header turned off is not sent', () => {
    expect(securityHeaders({ frameguard: false })).not.toHaveProperty('x-frame-options');
    expect(securityHeaders({ frameguard: { action: 'deny' } })['x-frame-options']).toBe('DENY');
  });
});
