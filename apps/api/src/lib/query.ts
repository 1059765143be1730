// Building blocks for list endpoints: code-list filters, paging and allowlisted sort keys.
import { codesOf, type CodeEntry } from '@atlas/domain';
import Type from 'typebox';

/** A query filter that accepts exactly the codes of a domain code list. */
export function codeFilter<Code extends string>(
  list: readonly CodeEntry<Code>[],
  description: string,
) {
  return Type.Optional(Type.Enum(codesOf(list), { description }));
}

export function pagingQuery(defaults: { limit: number; max: number }) {
  return {
    limit: Type.Integer({
      minimum: 1,
      maximum: defaults.max,
      default: defaults.limit,
      description: `Page size (1..${defaults.max})`,
    }),
    offset: Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      default: 0,
      description: 'Items to skip',
    }),
  };
}

export interface SortKey<Field extends string> {
  field: Field;
  descending: boolean;
}

function sortProblem(text: string, fields: readonly string[]): string | null {
  for (const key of text.split(',')) {
    const field = key.startsWith('-') ? key.slice(1) : key;
    if (!fields.includes(field)) {
      return `unknown sort key '${key}'; allowed: ${fields.join(', ')} (prefix - for descending)`;
    }
  }
  return null;
}

/** `sort=title` or `sort=-startDate,code`: comma-separated keys from the allowlist. */
export function sortQuery(fields: readonly string[], fallback: string) {
  return Type.Refine(
    Type.String({
      default: fallback,
      description: `Comma-separated sort keys, '-' prefix for descending. Allowed: ${fields.join(', ')}`,
    }),
    (text) => sortProblem(text, fields) === null,
    (text) => sortProblem(text, fields) ?? 'invalid sort',
  );
}

/** Parses a sort parameter that already passed `sortQuery` validation. */
export function parseSort<Field extends string>(text: string): SortKey<Field>[] {
  return text.split(',').map((key) => ({
    field: (key.startsWith('-') ? key.slice(1) : key) as Field,
    descending: key.startsWith('-'),
  }));
}

export interface PageLinks {
  next?: string;
  prev?: string;
}

/** Relative links to the neighbouring pages, keeping every other query parameter. */
export function pageLinks(
  url: string,
  page: { total: number; limit: number; offset: number },
): PageLinks {
  const parsed = new URL(url, 'http://localhost');
  const linkTo = (offset: number) => {
    parsed.searchParams.set('limit', String(page.limit));
    parsed.searchParams.set('offset', String(offset));
    return `${parsed.pathname}?${parsed.searchParams.toString()}`;
  };
  const links: PageLinks = {};
  if (page.offset + page.limit < page.total) links.next = linkTo(page.offset + page.limit);
  if (page.offset > 0) links.prev = linkTo(Math.max(0, page.offset - page.limit));
  return links;
}

export const PageLinksSchema = Type.Object({
  next: Type.Optional(Type.String({ description: 'The next page, when there is one' })),
  prev: Type.Optional(Type.String({ description: 'The previous page, when there is one' })),
});
