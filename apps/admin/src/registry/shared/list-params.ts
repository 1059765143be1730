// A list's view (filters, sort, page) kept in the URL, so it survives reloads and can be shared.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface ListParams {
  /** The filter values present in the URL (empty values are left out). */
  filters: Record<string, string>;
  sort: string;
  page: number;
  pageSize: number;
  set: (key: string, value: string | null) => void;
  setSort: (key: string) => void;
  setPage: (page: number) => void;
  clear: () => void;
  /** The API query string: filters, sort, limit and offset. */
  query: string;
}

export function useListParams(
  filterKeys: readonly string[],
  defaultSort: string,
  pageSize = 25,
): ListParams {
  const [params, setParams] = useSearchParams();

  const filters = useMemo(() => {
    const values: Record<string, string> = {};
    for (const key of filterKeys) {
      const value = params.get(key);
      if (value) values[key] = value;
    }
    return values;
  }, [params, filterKeys]);
  const sort = params.get('sort') ?? defaultSort;
  const page = Math.max(1, Number(params.get('page')) || 1);

  const update = useCallback(
    (change: (next: URLSearchParams) => void) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          change(next);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const query = useMemo(() => {
    const search = new URLSearchParams(filters);
    if (sort) search.set('sort', sort);
    search.set('limit', String(pageSize));
    search.set('offset', String((page - 1) * pageSize));
    return search.toString();
  }, [filters, sort, page, pageSize]);

  return {
    filters,
    sort,
    page,
    pageSize,
    query,
    set: (key, value) => {
      update((next) => {
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete('page');
      });
    },
    setSort: (key) => {
      update((next) => {
        const current = next.get('sort') ?? defaultSort;
        next.set('sort', current === key ? `-${key}` : key);
        next.delete('page');
      });
    },
    setPage: (value) => {
      update((next) => {
        next.set('page', String(value));
      });
    },
    clear: () => {
      update((next) => {
        for (const key of [...next.keys()]) if (key !== 'sort') next.delete(key);
      });
    },
  };
}
