// Which GET paths the admin app's client-side router owns, and how its files are cached.

/** Paths served by the API itself: never answered with the admin app's index.html. */
const API_PREFIXES = ['/api', '/ogc', '/tiles', '/health', '/docs', '/openapi.json'];

export function isApiPath(pathname: string): boolean {
  return API_PREFIXES.some(
    (prefix) =>
      pathname === prefix || pathname.startsWith(`${prefix}/`) || pathname.startsWith(`${prefix}?`),
  );
}

/** `/programs/123` is a client route; `/assets/missing.js` is a missing file (a real 404). */
export function isSpaRoute(pathname: string): boolean {
  if (isApiPath(pathname)) return false;
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}

/** Vite puts content-hashed files under assets/: they never change, so cache them for a year. */
export function cacheControlFor(filePath: string): string {
  if (/[\\/]assets[\\/]/.test(filePath)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

export const BUILD_FIRST_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>CARSI Atlas</title></head>
<body>
<h1>CARSI Atlas</h1>
<p>The admin app has not been built. Run <code>pnpm build</code> (or
<code>pnpm --filter @atlas/admin build</code>) and restart the API; or set
<code>ATLAS_ADMIN_DIST</code> to the folder of a build.</p>
<p>The API is running: see <a href="/docs">/docs</a> and <a href="/health/ready">/health/ready</a>.</p>
</body>
</html>
`;
