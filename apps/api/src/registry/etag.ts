// ETags are a record's version, `"<version>"` (strong). Changes require If-Match
// (RFC 9110 §13.1.1): absent -> 428; no listed tag equal to the current version -> 412.
// Weak tags (W/"3") never match under If-Match's strong comparison; `*` matches any version.
import { HttpError } from './errors';

export function formatEtag(version: number): string {
  return `"${version}"`;
}

/** What an If-Match header asks for: any current version, or one of these versions. */
export type IfMatch = { any: true } | { any: false; versions: number[] };

const ENTITY_TAG = /^(W\/)?"([^"]*)"$/;

/** Parses `*` or a comma-separated list of entity tags; null when the header is malformed. */
export function parseIfMatch(header: string): IfMatch | null {
  const text = header.trim();
  if (text === '*') return { any: true };
  const versions: number[] = [];
  for (const part of text.split(',')) {
    const match = ENTITY_TAG.exec(part.trim());
    if (!match) return null;
    const [, weak, opaque = ''] = match;
    // Weak tags and tags we never issued are well-formed but can never match.
    if (!weak && /^[1-9]\d{0,9}$/.test(opaque)) versions.push(Number(opaque));
  }
  return { any: false, versions };
}

/** The If-Match of a request: 428 without one, 400 when it is not a list of entity tags. */
export function requireIfMatch(header: string | string[] | undefined): IfMatch {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text === undefined || text.trim() === '') {
    throw new HttpError(428, 'send If-Match with the ETag of the version you are changing');
  }
  const parsed = parseIfMatch(text);
  if (!parsed) throw new HttpError(400, `If-Match must be * or a list of ETags such as "3"`);
  return parsed;
}

export function staleVersion(current: number): HttpError {
  return new HttpError(
    412,
    `the record has changed: its current version is ${current} (ETag "${current}")`,
  );
}

/** Throws 412 unless `ifMatch` names `current` (or is `*`). */
export function assertVersionMatches(ifMatch: IfMatch, current: number): void {
  if (ifMatch.any || ifMatch.versions.includes(current)) return;
  throw staleVersion(current);
}
