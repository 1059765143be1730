// One preview or commit at a time: its progress while the file is sent and read, then its
// report or its error. Starting again (or leaving the page) cancels the request under way.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  runImport,
  type ImportProgress,
  type ImportReport,
  type ImportRequest,
} from './import-api';

export type ImportRun =
  | { state: 'idle' }
  | { state: 'running'; commit: boolean; progress: ImportProgress }
  | { state: 'done'; key: string; report: ImportReport }
  | { state: 'failed'; key: string; error: Error };

export function useImportRun() {
  const [run, setRun] = useState<ImportRun>({ state: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );

  /** Runs the request; `key` names the inputs it was made from (a commit needs a fresh preview). */
  const start = useCallback(async (request: ImportRequest, key: string) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const initial = { sent: 0, total: request.file.size, rows: 0 };
    setRun({ state: 'running', commit: request.commit, progress: initial });
    try {
      const report = await runImport(
        request,
        (progress) => {
          if (!abort.signal.aborted) setRun({ state: 'running', commit: request.commit, progress });
        },
        abort.signal,
      );
      setRun({ state: 'done', key, report });
      return report;
    } catch (error) {
      if (abort.signal.aborted) return undefined;
      setRun({
        state: 'failed',
        key,
        error: error instanceof Error ? error : new Error(String(error)),
      });
      return undefined;
    }
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    setRun({ state: 'idle' });
  }, []);

  return { run, start, cancel };
}

/** The share of the work done, 0–100: the file's bytes sent, and 100 only with the result. */
export function percentDone(run: ImportRun): number {
  if (run.state === 'done') return 100;
  if (run.state !== 'running') return 0;
  const { sent, total } = run.progress;
  if (total <= 0) return 0;
  // The API answers after reading the last byte: hold at 99 until the result is in.
  return Math.min(99, Math.floor((sent / total) * 100));
}
