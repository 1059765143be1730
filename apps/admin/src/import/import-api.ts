// The import endpoint over XMLHttpRequest: fetch cannot report upload progress, XHR can, and its
// `progress` event also hands over the NDJSON lines the API streams while it reads the rows
// (`Accept: application/x-ndjson`, docs/import-export.md). The last line is the result.
import {
  ApiError,
  apiJson,
  apiUrl,
  isRecord,
  notifyUnauthorized,
  type ProblemDetails,
} from '../api/client';
import type { ImportCollection, ImportFormat } from './targets';

export interface RowProblem {
  /** 1-based data row (CSV) or feature number. */
  row: number;
  field: string;
  message: string;
}

/** The API's import report (a preview, or a commit that went through). */
export interface ImportReport {
  collection: ImportCollection;
  source: string;
  format: ImportFormat;
  committed: boolean;
  batchId: string | null;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problemCount: number;
  deniedCount: number;
  problems: RowProblem[];
  /** target field → column of the file, as used. */
  mapping: Record<string, string>;
}

export interface ImportRequest {
  collection: ImportCollection;
  source: string;
  format: ImportFormat;
  file: Blob;
  /** target field → column; only the user's own choices (the API adds remembered and matched). */
  mapping?: Record<string, string>;
  delimiter?: ',' | ';' | '\t';
  commit: boolean;
  csrfToken: string | null;
}

export interface ImportProgress {
  /** Bytes of the file sent so far, and in all. */
  sent: number;
  total: number;
  /** Rows the API has read (it reports every 500). */
  rows: number;
}

/** A failed import: the status, the problem document and, for a refused commit, its report. */
export class ImportError extends ApiError {
  constructor(
    status: number,
    message: string,
    problem: ProblemDetails | undefined,
    readonly report: ImportReport | undefined,
  ) {
    super(status, message, problem);
    this.name = 'ImportError';
  }
}

function importUrl(request: ImportRequest): string {
  const query = new URLSearchParams({ source: request.source, format: request.format });
  if (request.commit) query.set('commit', 'true');
  if (request.mapping && Object.keys(request.mapping).length > 0) {
    query.set('mapping', JSON.stringify(request.mapping));
  }
  if (request.delimiter && request.format === 'csv') query.set('delimiter', request.delimiter);
  return `${apiUrl(`/imports/${request.collection}`)}?${query.toString()}`;
}

/** The JSON lines complete so far in an NDJSON text (a partial last line waits for more). */
function completeLines(text: string): unknown[] {
  const lines = text.split('\n');
  lines.pop(); // empty after the final newline, or a line still arriving
  return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
}

/**
 * The report from the whole answer: NDJSON progress lines and a result line, or a plain JSON
 * body (a problem answered before streaming began). Throws an ImportError for any failure.
 */
export function parseImportAnswer(status: number, raw: string): ImportReport {
  const lines = completeLines(raw.endsWith('\n') ? raw : `${raw}\n`);
  return settle(status, lines, raw);
}

/** Turns the answer's final line (or a plain JSON body) into the report, or throws. */
function settle(status: number, lines: unknown[], raw: string): ImportReport {
  const result = lines.findLast((line) => isRecord(line) && line.type === 'result');
  const body: unknown = result ?? (raw.trim().startsWith('{') ? JSON.parse(raw) : undefined);
  const resultStatus = isRecord(body) && typeof body.status === 'number' ? body.status : status;
  if (status === 200 && resultStatus === 200 && isRecord(body) && 'rows' in body) {
    return body as unknown as ImportReport;
  }
  const problem = isRecord(body) ? toProblem(body, resultStatus) : undefined;
  const report =
    isRecord(body) && isRecord(body.report) ? (body.report as unknown as ImportReport) : undefined;
  const message = problem?.detail ?? `The Atlas API answered ${resultStatus}.`;
  throw new ImportError(resultStatus, message, problem, report);
}

function toProblem(body: Record<string, unknown>, status: number): ProblemDetails {
  const text = (key: string) => (typeof body[key] === 'string' ? body[key] : undefined);
  return {
    type: text('type'),
    title: text('title'),
    status,
    detail: text('detail') ?? text('message'),
    errors: Array.isArray(body.errors)
      ? body.errors.filter(isRecord).map((error) => ({
          path: typeof error.path === 'string' ? error.path : '',
          message: typeof error.message === 'string' ? error.message : '',
        }))
      : undefined,
  };
}

/** Send the file for a preview or a commit, reporting progress; resolves with the report. */
export function runImport(
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const progress: ImportProgress = { sent: 0, total: request.file.size, rows: 0 };
    xhr.open('POST', importUrl(request));
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    if (request.csrfToken) xhr.setRequestHeader('x-csrf-token', request.csrfToken);
    xhr.upload.onprogress = (event) => {
      progress.sent = event.loaded;
      if (event.lengthComputable) progress.total = event.total;
      onProgress({ ...progress });
    };
    xhr.onprogress = () => {
      try {
        const rows = completeLines(xhr.responseText)
          .filter((line) => isRecord(line) && line.type === 'progress')
          .map((line) => (line as { rows: number }).rows);
        if (rows.length > 0) {
          progress.rows = Math.max(...rows);
          onProgress({ ...progress });
        }
      } catch {
        // Not NDJSON (an error page): the load handler reports it.
      }
    };
    xhr.onload = () => {
      // The session expired meanwhile: sign out app-wide, as apiFetch does for other calls.
      if (xhr.status === 401) notifyUnauthorized();
      try {
        resolve(parseImportAnswer(xhr.status, xhr.responseText));
      } catch (error) {
        reject(
          error instanceof ApiError
            ? error
            : new ImportError(
                xhr.status,
                `The Atlas API answered ${xhr.status}.`,
                undefined,
                undefined,
              ),
        );
      }
    };
    xhr.onerror = () => {
      reject(new ImportError(0, 'The Atlas API could not be reached.', undefined, undefined));
    };
    xhr.onabort = () => {
      reject(new DOMException('The import was cancelled.', 'AbortError'));
    };
    signal?.addEventListener('abort', () => {
      xhr.abort();
    });
    xhr.send(request.file);
  });
}

/** The column mappings remembered for a source (by collection), from its last commit. */
export async function rememberedMappings(
  source: string,
  signal?: AbortSignal,
): Promise<Partial<Record<ImportCollection, Record<string, string>>>> {
  const { data } = await apiJson<{
    mappings: Partial<Record<ImportCollection, Record<string, string>>>;
  }>(`/imports/sources/${encodeURIComponent(source)}`, { signal });
  return data.mappings;
}
