import { describe, expect, it } from 'vitest';
import { CSP, embedOrigins, headersFile } from './csp';

describe('csp', () => {
  it('CSP allows scripts and workers from the site only and no plugins', () => {
    expect(CSP).toContain("script-src 'self';");
    expect(CSP).toContain("worker-src 'self';");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });
  it('headersFile() gives frame-ancestors from the same list as the host API, nothing else', () => {
    const origins = embedOrigins(' https://course.example/x ,nonsense, javascript:alert(1),http://localhost:8080');
    expect(origins).toEqual(['https://course.example', 'http://localhost:8080']);
    expect(headersFile(origins)).toContain("frame-ancestors 'self' https://course.example http://localhost:8080\n");
    expect(headersFile([])).toContain("frame-ancestors 'self'\n");
  });
});
