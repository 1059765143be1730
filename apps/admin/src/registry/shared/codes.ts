// Code lists as select options in the interface language.
import { label, type CodeEntry, type Lang } from '@atlas/domain';

export interface Option {
  value: string;
  label: string;
}

/** Options of a code list (values as strings, as Mantine selects want them). */
export function codeOptions<Code extends string | number>(
  list: readonly CodeEntry<Code>[],
  lang: Lang,
  keep?: (code: Code) => boolean,
): Option[] {
  return list
    .filter((entry) => keep?.(entry.code) ?? true)
    .map((entry) => ({ value: String(entry.code), label: label(list, entry.code, lang) }));
}

/** A select's string value back as the list's code (numbers stay numbers). */
export function codeFromValue<Code extends string | number>(
  list: readonly CodeEntry<Code>[],
  value: string | null,
): Code | undefined {
  return list.find((entry) => String(entry.code) === value)?.code;
}

export function codesFromValues<Code extends string | number>(
  list: readonly CodeEntry<Code>[],
  values: readonly string[],
): Code[] {
  return values.flatMap((value) => codeFromValue(list, value) ?? []);
}
