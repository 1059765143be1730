// Reading a parsed IATI document (fast-xml-parser, attributes prefixed with `@`): the text of
// an element or attribute, repeated elements as arrays, narratives by language.
export type Node = Record<string, unknown>;

/** An attribute or text value of the parsed document (strings; objects have `#text`). */
export function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return str((value as Node)['#text']);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
export const nodes = (value: unknown): Node[] =>
  Array.isArray(value) ? (value as Node[]) : value ? [value as Node] : [];
export const node = (value: unknown): Node | undefined => nodes(value)[0];
export const text = str;
export const attr = (value: unknown, name: string): string | undefined => {
  const found = node(value)?.[`@${name}`];
  return found === undefined ? undefined : str(found);
};

export function narrativeIn(element: unknown, lang: 'en' | 'es'): string {
  const all = nodes(node(element)?.narrative);
  const match = all.find((item) => (item['@xml:lang'] ?? 'en') === lang);
  return match ? text(match).trim() : '';
}
