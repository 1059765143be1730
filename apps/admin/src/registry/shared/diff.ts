// What changed between two versions of a record, field by field (for history and conflicts).

/** Fields the API maintains: never part of a readable diff. */
const META_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt', 'deletedAt', 'totals']);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The top-level fields whose values differ (meta fields ignored), in a stable order. */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (META_FIELDS.has(field)) continue;
    const a = before?.[field];
    const b = after?.[field];
    if (!same(a, b)) changes.push({ field, before: a, after: b });
  }
  return changes;
}

/** The fields of `next` that differ from `base`: a PATCH body with only what the user changed. */
export function changedFields<T extends object>(base: T, next: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (!same(base[key], next[key])) patch[key] = next[key];
  }
  return patch;
}
