// Registry records over HTTP: read with their version (ETag), create, change with If-Match,
// delete, undelete, history and restore of a version. One set of functions for every collection.
import { useQuery } from '@tanstack/react-query';
import { apiJson } from './client';

export type Collection = 'programs' | 'sites' | 'corridors' | 'communities' | 'incidents';

/** A record and the version it was read at (sent back as If-Match on the next change). */
export interface Versioned<T> {
  record: T;
  version: number;
}

/** Every registry record carries these. */
export interface RecordBase {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** One version of a record in its history (an audit event). */
export interface HistoryEntry {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: 'create' | 'update' | 'delete' | 'restore';
  entityType: string;
  entityId: string;
  version: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

function withVersion<T extends RecordBase>(data: T, version: number | undefined): Versioned<T> {
  return { record: data, version: version ?? data.version };
}

export const recordQueryKey = (collection: Collection, id: string) =>
  ['record', collection, id] as const;
export const historyQueryKey = (collection: Collection, id: string) =>
  ['history', collection, id] as const;
export const listQueryKey = (collection: Collection) => ['list', collection] as const;

export async function fetchRecord<T extends RecordBase>(
  collection: Collection,
  id: string,
  signal?: AbortSignal,
): Promise<Versioned<T>> {
  const { data, version } = await apiJson<T>(`/${collection}/${id}?includeDeleted=true`, {
    signal,
  });
  return withVersion(data, version);
}

/** The record, with its version; deleted records are answered too (with `deletedAt`). */
export function useRecord<T extends RecordBase>(collection: Collection, id: string | undefined) {
  return useQuery({
    queryKey: recordQueryKey(collection, id ?? 'new'),
    queryFn: ({ signal }) => fetchRecord<T>(collection, id ?? '', signal),
    enabled: id !== undefined,
    staleTime: 0,
  });
}

export async function createRecord<T extends RecordBase>(
  collection: Collection,
  input: unknown,
): Promise<Versioned<T>> {
  const { data, version } = await apiJson<T>(`/${collection}`, { method: 'POST', json: input });
  return withVersion(data, version);
}

/** PATCH the fields in `patch`, based on `version` (412 if the record changed since). */
export async function patchRecord<T extends RecordBase>(
  collection: Collection,
  id: string,
  version: number,
  patch: unknown,
): Promise<Versioned<T>> {
  const { data, version: next } = await apiJson<T>(`/${collection}/${id}`, {
    method: 'PATCH',
    json: patch,
    ifMatch: version,
  });
  return withVersion(data, next);
}

export async function deleteRecord<T extends RecordBase>(
  collection: Collection,
  id: string,
  version: number,
): Promise<Versioned<T>> {
  const { data, version: next } = await apiJson<T>(`/${collection}/${id}`, {
    method: 'DELETE',
    ifMatch: version,
  });
  return withVersion(data, next);
}

/** Undelete a soft-deleted record. */
export async function undeleteRecord<T extends RecordBase>(
  collection: Collection,
  id: string,
  version: number,
): Promise<Versioned<T>> {
  const { data, version: next } = await apiJson<T>(`/${collection}/${id}/restore`, {
    method: 'POST',
    ifMatch: version,
  });
  return withVersion(data, next);
}

export async function fetchHistory(
  collection: Collection,
  id: string,
  signal?: AbortSignal,
): Promise<HistoryEntry[]> {
  const { data } = await apiJson<{ items: HistoryEntry[] }>(`/${collection}/${id}/history`, {
    signal,
  });
  return data.items;
}

export function useHistory(collection: Collection, id: string | undefined) {
  return useQuery({
    queryKey: historyQueryKey(collection, id ?? 'new'),
    queryFn: ({ signal }) => fetchHistory(collection, id ?? '', signal),
    enabled: id !== undefined,
    staleTime: 0,
  });
}

/** Write an old version's content back as a new version (based on the current `version`). */
export async function restoreVersion<T extends RecordBase>(
  collection: Collection,
  id: string,
  restoredVersion: number,
  currentVersion: number,
): Promise<Versioned<T>> {
  const { data, version } = await apiJson<T>(
    `/${collection}/${id}/history/${restoredVersion}/restore`,
    { method: 'POST', ifMatch: currentVersion },
  );
  return withVersion(data, version);
}
