// Builds (or reuses) every template this test run needs. Used by the vitest global setup, and
// by openTestDatabase itself when a package forgot the global setup (slower, still correct).
import { ensurePgliteTemplates, type PgliteTemplatePaths } from './pglite-templates';
import { ensurePostgisTemplates, type PostgisTemplateNames } from './postgis-templates';
import { templateKey } from './template-key';

export interface TestTemplates {
  pglite: PgliteTemplatePaths;
  /** Present when a PostGIS test server is configured. */
  postgis?: { url: string; names: PostgisTemplateNames };
}

export function postgisTestUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? undefined;
}

export async function ensureTestTemplates(): Promise<TestTemplates> {
  const key = await templateKey();
  const url = postgisTestUrl();
  const [pglite, postgisNames] = await Promise.all([
    ensurePgliteTemplates(key),
    url ? ensurePostgisTemplates(url, key) : Promise.resolve(undefined),
  ]);
  return { pglite, ...(url && postgisNames ? { postgis: { url, names: postgisNames } } : {}) };
}
