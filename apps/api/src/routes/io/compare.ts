// Whether an imported row would change a record: both sides in one canonical form, where key
// order, the order of list items (codes, funding rows) and float noise in coordinates do not
// count. Re-importing the same file therefore changes nothing and writes no audit events.

function canonical(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toFixed(9));
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    // Positions (coordinate arrays) keep their order; lists of codes or rows do not.
    if (items.every((item) => typeof item === 'number') || items.some(Array.isArray)) return items;
    return items
      .map((item) => JSON.stringify(item))
      .sort()
      .map((text) => JSON.parse(text) as unknown);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, canonical(item)]),
    );
  }
  return value;
}

export function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
