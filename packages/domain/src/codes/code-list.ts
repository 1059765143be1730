import Type, { type TLiteral, type TSchemaOptions, type TUnion } from 'typebox';

/** The two languages of the user interface and of every code list label. */
export type Lang = 'en' | 'es';

/** One entry of a code list: the stored code and its labels. */
export interface CodeEntry<Code extends string | number = string | number> {
  readonly code: Code;
  readonly en: string;
  readonly es: string;
}

/** The codes of a list, in list order. */
export function codesOf<Code extends string | number>(
  list: readonly CodeEntry<Code>[],
): readonly Code[] {
  return list.map((entry) => entry.code);
}

/** True when `code` is one of the list's codes (a type guard for untyped input). */
export function isCode<Code extends string | number>(
  list: readonly CodeEntry<Code>[],
  code: unknown,
): code is Code {
  return list.some((entry) => entry.code === code);
}

/**
 * The label of a code in the given language. Unknown codes fall back to the code itself so
 * that a UI never shows an empty cell for data written by a newer version.
 */
export function label<Code extends string | number>(
  list: readonly CodeEntry<Code>[],
  code: Code,
  lang: Lang,
): string {
  const entry = list.find((candidate) => candidate.code === code);
  return entry ? entry[lang] : String(code);
}

/**
 * A TypeBox union of the list's codes as literals. TypeBox infers a union's static type from a
 * tuple of members, so the array is typed as a one-member tuple whose literal is the code union.
 */
export function codeUnion<Code extends string | number>(
  list: readonly CodeEntry<Code>[],
  options: TSchemaOptions,
): TUnion<[TLiteral<Code>]> {
  const members = list.map((entry) => Type.Literal(entry.code));
  return Type.Union(members, options) as TUnion<[TLiteral<Code>]>;
}
