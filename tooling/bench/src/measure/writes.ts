// Writes per second: PATCH /api/v1/programs/{id} with If-Match (a new version and an audit
// event in one transaction), next to the same UPDATE + audit INSERT in raw SQL on the same pool.
import { sql } from 'kysely';
import { Worker } from 'node:worker_threads';
import type { BenchEnvironment } from '../environment';
import { alternate } from '../load/rounds';
import { sqlLoad } from '../load/sql';
import { summarise } from '../load/stats';
import type { CaseResult, LoadSettings } from '../run-case';

interface WorkerResult {
  latencies: number[];
  errors: number;
  seconds: number;
}

export async function measureWrites(
  env: BenchEnvironment,
  settings: LoadSettings,
): Promise<CaseResult> {
  const programs = await env.database.db
    .selectFrom('programs')
    .select('id')
    .where('deletedAt', 'is', null)
    .orderBy('code')
    .limit(settings.connections * 2)
    .execute();
  const ids = programs.map((program) => program.id);
  const httpIds = ids.slice(0, settings.connections);
  const sqlIds = ids.slice(settings.connections);

  const httpWrites = async () => {
    const worker = new Worker(new URL('./writes-worker.mjs', import.meta.url), {
      workerData: {
        origin: env.origin,
        ids: httpIds,
        headers: env.auth,
        seconds: settings.seconds,
      },
    });
    const result = await new Promise<WorkerResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    return { ...summarise(result.latencies, result.errors, result.seconds), bytes: 0 };
  };

  let turn = 0;
  const sqlWrites = () =>
    sqlLoad(
      () => {
        const id = sqlIds[turn++ % Math.max(sqlIds.length, 1)] ?? ids[0];
        return env.database.db.transaction().execute(async (trx) => {
          const updated = await sql<{ version: number }>`
            UPDATE programs SET title = ${`Raw write ${turn}`}, version = version + 1,
                   updated_at = now()
            WHERE id = ${id} RETURNING version`.execute(trx);
          await sql`
            INSERT INTO audit_events (actor_type, actor_id, actor_label, action, entity_type,
                                      entity_id, version, before, after)
            VALUES ('system', NULL, 'bench', 'update', 'program', ${id},
                    ${updated.rows[0]?.version ?? 0}, '{}'::jsonb, '{}'::jsonb)`.execute(trx);
        });
      },
      { concurrency: settings.connections, seconds: settings.seconds, warmupCalls: 1 },
    );
  const measured = await alternate(
    settings.rounds,
    httpWrites,
    sqlWrites,
    (http, raw) => http.p50Ms / Math.max(raw.p50Ms, 0.01),
  );
  const http = measured.ours;
  return {
    id: 'writes.programs.patch',
    title: 'PATCH /api/v1/programs/{id} with If-Match (version + audit event)',
    engine: env.engine,
    scale: env.scale,
    http,
    reference: { kind: 'sql', ...measured.reference },
    ratio: { kind: 'p50', value: measured.ratio },
    roundRatios: measured.ratios,
    missed: http.errors > 0 ? [`${http.errors} writes refused`] : [],
  };
}
