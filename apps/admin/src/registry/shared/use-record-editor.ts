// The life of one record in an editor: load it, keep the version the user started from, save
// only the fields they changed (If-Match), and on 412 keep both sides for the conflict dialog.
// Nothing is overwritten without the user choosing to.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client';
import {
  createRecord,
  deleteRecord,
  fetchRecord,
  historyQueryKey,
  listQueryKey,
  patchRecord,
  recordQueryKey,
  restoreVersion,
  undeleteRecord,
  useRecord,
  type Collection,
  type RecordBase,
  type Versioned,
} from '../../api/records';
import { changedFields } from './diff';

export interface Conflict<R> {
  /** The record as it is on the server now. */
  server: Versioned<R>;
  /** The user's unsaved input. */
  mine: object;
}

export interface RecordEditor<R extends RecordBase> {
  collection: Collection;
  /** The version being edited (undefined while loading, and for a new record). */
  base: Versioned<R> | undefined;
  loading: boolean;
  loadError: Error | null;
  conflict: Conflict<R> | null;
  /** Create, or PATCH the changed fields. Answers the saved record; throws API errors (not 412). */
  save: (input: object) => Promise<Versioned<R> | undefined>;
  /** Conflict: drop the user's changes and take the server's version. */
  reload: () => void;
  /** Conflict: apply the user's changes on top of the server's version. */
  reapply: () => Promise<Versioned<R> | undefined>;
  dismissConflict: () => void;
  remove: () => Promise<void>;
  undelete: () => Promise<void>;
  restore: (version: number) => Promise<void>;
}

export function useRecordEditor<R extends RecordBase>(
  collection: Collection,
  id: string | undefined,
  toInput: (record: R) => object,
): RecordEditor<R> {
  const queryClient = useQueryClient();
  const query = useRecord<R>(collection, id);
  // The version the user works from: the first answer, then whatever they saved, reloaded or
  // restored (`setBase`). Refetches in the background never replace it under their edits.
  const [saved, setBase] = useState<Versioned<R> | undefined>(undefined);
  const [conflict, setConflict] = useState<Conflict<R> | null>(null);
  const base = id === undefined ? undefined : saved?.record.id === id ? saved : query.data;

  const settle = useCallback(
    (saved: Versioned<R>) => {
      setBase(saved);
      setConflict(null);
      queryClient.setQueryData(recordQueryKey(collection, saved.record.id), saved);
      void queryClient.invalidateQueries({ queryKey: listQueryKey(collection) });
      void queryClient.invalidateQueries({
        queryKey: historyQueryKey(collection, saved.record.id),
      });
      void queryClient.invalidateQueries({ queryKey: ['sites'] });
      return saved;
    },
    [collection, queryClient],
  );

  const onStale = useCallback(
    async (error: unknown, mine: object): Promise<undefined> => {
      if (!(error instanceof ApiError) || error.status !== 412 || !id) throw error;
      const server = await fetchRecord<R>(collection, id);
      setConflict({ server, mine });
      return undefined;
    },
    [collection, id],
  );

  const save = useCallback(
    async (input: object) => {
      if (!base) return settle(await createRecord<R>(collection, input));
      const patch = changedFields(toInput(base.record), input);
      if (Object.keys(patch).length === 0) return base;
      try {
        return settle(await patchRecord<R>(collection, base.record.id, base.version, patch));
      } catch (error) {
        return onStale(error, input);
      }
    },
    [base, collection, settle, onStale, toInput],
  );

  const reload = useCallback(() => {
    if (conflict) settle(conflict.server);
  }, [conflict, settle]);

  const reapply = useCallback(async () => {
    if (!conflict || !base) return undefined;
    // Only what the user changed from *their* base goes on top of the server's version.
    const patch = changedFields(toInput(base.record), conflict.mine);
    if (Object.keys(patch).length === 0) return settle(conflict.server);
    try {
      const saved = await patchRecord<R>(
        collection,
        conflict.server.record.id,
        conflict.server.version,
        patch,
      );
      return settle(saved);
    } catch (error) {
      return onStale(error, conflict.mine);
    }
  }, [conflict, base, collection, settle, onStale, toInput]);

  const withBase = useCallback(
    async (change: (current: Versioned<R>) => Promise<Versioned<R>>) => {
      if (!base) return;
      try {
        settle(await change(base));
      } catch (error) {
        await onStale(error, toInput(base.record));
      }
    },
    [base, settle, onStale, toInput],
  );

  return {
    collection,
    base,
    loading: id !== undefined && !base && query.isPending,
    loadError: query.error,
    conflict,
    save,
    reload,
    reapply,
    dismissConflict: () => {
      setConflict(null);
    },
    remove: () =>
      withBase((current) => deleteRecord<R>(collection, current.record.id, current.version)),
    undelete: () =>
      withBase((current) => undeleteRecord<R>(collection, current.record.id, current.version)),
    restore: (version) =>
      withBase((current) =>
        restoreVersion<R>(collection, current.record.id, version, current.version),
      ),
  };
}
