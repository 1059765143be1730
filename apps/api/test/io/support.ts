// Helpers of the import/export tests: post a file, read a fixture, count rows.
import type { AtlasDatabase } from '@atlas/db';
import { sql } from 'kysely';
import { readFileSync } from 'node:fs';
import type { AtlasApp } from '../../src/app';

export const fixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

export interface PostImport {
  collection: string;
  source: string;
  body: Buffer | string;
  format?: string;
  commit?: boolean;
  mapping?: Record<string, string>;
  delimiter?: string;
  headers: Record<string, string>;
  accept?: string;
}

/** Posts an import; retried while the app sheds load (see `settled`), never on other 503s. */
export async function postImport(app: AtlasApp, options: PostImport) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await injectImport(app, options);
    const shed = response.statusCode === 503 && response.body.includes('overloaded');
    if (!shed || attempt === 5) return response;
    await settled(app);
  }
}

function injectImport(app: AtlasApp, options: PostImport) {
  const query = new URLSearchParams({ source: options.source });
  if (options.format) query.set('format', options.format);
  if (options.commit) query.set('commit', 'true');
  if (options.mapping) query.set('mapping', JSON.stringify(options.mapping));
  if (options.delimiter) query.set('delimiter', options.delimiter);
  return app.inject({
    method: 'POST',
    url: `/api/v1/imports/${options.collection}?${query.toString()}`,
    headers: {
      ...options.headers,
      'content-type': 'application/octet-stream',
      ...(options.accept ? { accept: options.accept } : {}),
    },
    payload: options.body,
  });
}

/** Rows of a table (including soft-deleted), and audit events of an entity type. */
export async function counts(adb: AtlasDatabase, table: string, entityType: string) {
  const rows = await sql<{
    count: string;
  }>`SELECT count(*) AS count FROM ${sql.table(table)}`.execute(adb.db);
  const audits = await sql<{ count: string }>`SELECT count(*) AS count FROM audit_events
    WHERE entity_type = ${entityType}`.execute(adb.db);
  return { rows: Number(rows.rows[0]!.count), audits: Number(audits.rows[0]!.count) };
}

/**
 * Waits until the app sheds no requests: the load-shedding plugin answers 503 while the event
 * loop lags, and the embedded database (in this process) makes it lag on a busy machine.
 */
export async function settled(app: AtlasApp): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const ready = await app.inject({ url: '/health/ready' });
    if (ready.statusCode === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the app stayed under pressure for 10 s');
}
