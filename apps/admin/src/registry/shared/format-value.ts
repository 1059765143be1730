// A record field's value as a person reads it: code-list labels, money, geometry summaries.
import {
  agencies,
  confidenceLevels,
  corridorModes,
  countries,
  fundingAccounts,
  geoPrecisions,
  goals,
  incidentKinds,
  label,
  programLines,
  programStatuses,
  threats,
  type CodeEntry,
  type Lang,
} from '@atlas/domain';

const codeFields: Record<string, readonly CodeEntry[]> = {
  line: programLines,
  status: programStatuses,
  agency: agencies,
  countries,
  country: countries,
  goals,
  precision: geoPrecisions,
  mode: corridorModes,
  threats,
  threat: threats,
  confidence: confidenceLevels,
  kind: incidentKinds,
};

export function formatMoney(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es' : 'en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 0,
  }).format(amount);
}

function describeGeometry(value: { type?: unknown; coordinates?: unknown }): string {
  const flat = JSON.stringify(value.coordinates ?? []).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
  if (value.type === 'Point' && flat.length >= 2) {
    return `Point (${Number(flat[0]).toFixed(4)}, ${Number(flat[1]).toFixed(4)})`;
  }
  return `${String(value.type)} (${Math.floor(flat.length / 2)} vertices)`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` of `field` as short readable text (empty values as an em dash). */
export function formatValue(field: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  const list = codeFields[field];
  if (list) {
    const codes = Array.isArray(value) ? value : [value];
    return codes.map((code) => label(list, code as string | number, lang)).join(', ');
  }
  if (field === 'geometry' && isObject(value)) return describeGeometry(value);
  if (field === 'funding' && Array.isArray(value)) {
    const rows = value.filter(isObject);
    const total = rows.reduce((sum, row) => sum + (Number(row.amountUsd) || 0), 0);
    const accounts = [...new Set(rows.map((row) => String(row.account)))];
    return `${rows.length} × (${accounts.map((code) => label(fundingAccounts, code, lang)).join(', ') || '—'}) = ${formatMoney(total, lang)}`;
  }
  if (field === 'indicators' && Array.isArray(value)) {
    return value
      .filter(isObject)
      .map(
        (indicator) =>
          `${String(indicator.code)}: ${typeof indicator.actual === 'number' ? String(indicator.actual) : '—'}/${String(indicator.target)}`,
      )
      .join('; ');
  }
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (isObject(value)) return JSON.stringify(value);
  if (typeof value === 'number') return value.toLocaleString(lang === 'es' ? 'es' : 'en-US');
  return value as string;
}
