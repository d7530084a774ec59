/**
 * The built site's Content-Security-Policy, and the `_headers` file for static hosts (Netlify,
 * Cloudflare Pages) that carries what a `<meta>` policy cannot: `frame-ancestors`, from the same
 * allow-list as the host API (the site's own origin and VITE_EMBED_ORIGINS).
 */

/** The policy in the pages' `<meta>`: scripts and workers from the site only, no plugins. */
export const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; " +
  "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; form-action 'none'";

/** Origins from a comma-separated list (VITE_EMBED_ORIGINS); anything that is not an http(s) origin is left out. */
export function embedOrigins(list: string | undefined): string[] {
  const out: string[] = [];
  for (const item of (list ?? '').split(',')) {
    try {
      const u = new URL(item.trim());
      if ((u.protocol === 'https:' || u.protocol === 'http:') && !out.includes(u.origin)) out.push(u.origin);
    } catch {
      // not an origin
    }
  }
  return out;
}

/** The `_headers` file: the policy with `frame-ancestors` for every page of the site. */
export function headersFile(origins: readonly string[]): string {
  const ancestors = ["'self'", ...origins].join(' ');
  return ['/*', `  Content-Security-Policy: ${CSP}; frame-ancestors ${ancestors}`, '  X-Content-Type-Options: nosniff', '  Referrer-Policy: strict-origin-when-cross-origin', ''].join('\n');
}
