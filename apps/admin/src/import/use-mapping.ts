// The column mapping of the form: prefilled with what the API remembers for the source (the
// mapping of its last commit into this collection), then the user's choices; the file's columns
// are read in the browser to offer them.
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { readColumns } from './file-columns';
import { rememberedMappings } from './import-api';
import type { ImportCollection, ImportFormat } from './targets';

/** The API's rule for a source name (docs/import-export.md). */
export const SOURCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export const rememberedKey = (source: string) => ['import-source', source] as const;

/** The columns of the chosen file ([] until read, or when they cannot be read here). */
export function useFileColumns(
  file: File | null,
  format: ImportFormat | null,
  delimiter: string,
): string[] {
  const [read, setRead] = useState<{ file: File; format: string; columns: string[] } | null>(null);
  useEffect(() => {
    if (!file || !format) return;
    let current = true;
    void readColumns(file, format, delimiter).then((columns) => {
      if (current) setRead({ file, format: `${format}${delimiter}`, columns });
    });
    return () => {
      current = false;
    };
  }, [file, format, delimiter]);
  return read && read.file === file && read.format === `${format}${delimiter}` ? read.columns : [];
}

/** The mapping in the form, with the remembered one put in whenever the source or collection changes. */
export function useMapping(source: string, collection: ImportCollection | null, enabled: boolean) {
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);
  const [prefilled, setPrefilled] = useState<{ key: string; from: string | null } | null>(null);
  const [debounced] = useDebouncedValue(source.trim(), 300);
  const valid = SOURCE_PATTERN.test(debounced);
  const remembered = useQuery({
    queryKey: rememberedKey(debounced),
    queryFn: ({ signal }) => rememberedMappings(debounced, signal),
    enabled: enabled && valid,
    staleTime: 0,
  });

  // Prefill once per source and collection, when the remembered mappings are in (state adjusted
  // during render, as React recommends over an effect).
  const key = `${debounced}|${collection ?? ''}`;
  // Columns the user chose meanwhile win over the remembered ones (the lookup may come late).
  if (collection && valid && remembered.data && prefilled?.key !== key) {
    const found = remembered.data[collection];
    setPrefilled({ key, from: found ? debounced : null });
    setMapping(touched ? { ...found, ...mapping } : (found ?? {}));
    setTouched(false);
  }

  const choose = (target: string, column: string | null) => {
    setTouched(true);
    setMapping((current) => {
      const others = Object.entries(current).filter(([name]) => name !== target);
      return Object.fromEntries(column ? [...others, [target, column]] : others);
    });
  };

  return {
    mapping,
    setMapping,
    choose,
    rememberedFrom: prefilled?.key === key ? prefilled.from : null,
  };
}
