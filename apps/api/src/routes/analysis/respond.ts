// Answers an analysis: a strong ETag from the data version of the layers it reads and its
// parameters, 304 when If-None-Match names it (nothing is computed then, and no transaction is
// opened: one shared version read), else the result in the common envelope (docs/analysis.md).
import { dataVersion, type Database, type DataLayer } from '@atlas/db';
import { ANALYSIS_UNITS } from '@atlas/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { ifNoneMatchHits } from '../reference/http-cache';
import { currentDataVersion } from '../../lib/data-versions';
import { inAnalysisTransaction, type AnalysisDb } from './run';

export interface AnalysisAnswer<P> {
  analysis: string;
  /** The layers the analysis reads: their data version is part of the ETag. */
  layers: readonly DataLayer[];
  /** The parameters used (defaults filled in), echoed in the result. */
  parameters: P;
  /** Extra input that changes the result but is not echoed (e.g. a drawn polygon). */
  fingerprint?: unknown;
  /** Public analyses may be kept by shared caches; the others only by the client. */
  visibility: 'public' | 'private';
  compute: (trx: AnalysisDb) => Promise<object>;
}

/** JSON with object keys sorted, so equal parameters always hash alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

export function analysisEtag(analysis: string, version: string, input: unknown): string {
  const digest = createHash('sha256')
    .update(`${analysis}\n${version}\n${canonical(input)}`)
    .digest('base64url');
  return `"${digest.slice(0, 27)}"`;
}

export async function answerAnalysis<P>(
  db: Kysely<Database>,
  request: FastifyRequest,
  reply: FastifyReply,
  answer: AnalysisAnswer<P>,
): Promise<void> {
  const input = { parameters: answer.parameters, fingerprint: answer.fingerprint };
  const cacheControl = `${answer.visibility}, no-cache`;
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    // Revalidation first, outside the transaction: the version is read after the request came.
    const version = await currentDataVersion(db, answer.layers);
    const etag = analysisEtag(answer.analysis, version, input);
    if (ifNoneMatchHits(ifNoneMatch, etag)) {
      await reply.header('etag', etag).header('cache-control', cacheControl).code(304).send();
      return;
    }
  }
  const outcome = await inAnalysisTransaction(db, async (trx) => {
    const version = await dataVersion(trx, answer.layers);
    const etag = analysisEtag(answer.analysis, version, input);
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
      return { etag, body: null };
    }
    const result = await answer.compute(trx);
    const body = JSON.stringify({
      analysis: answer.analysis,
      parameters: answer.parameters,
      dataVersion: version,
      units: ANALYSIS_UNITS,
      ...result,
    });
    return { etag, body };
  });
  reply.header('etag', outcome.etag).header('cache-control', cacheControl);
  if (outcome.body === null) {
    await reply.code(304).send();
    return;
  }
  await reply.code(200).type('application/json; charset=utf-8').send(outcome.body);
}
