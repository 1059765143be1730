// Every code list of @atlas/domain (docs/data-model.md, "Code lists"), with both labels or, for
// `?lang=`, one `label`. Built once: the lists only change with a new release.
import {
  agencies,
  auditActions,
  confidenceLevels,
  corridorModes,
  countries,
  entityTypes,
  fundingAccounts,
  fundingStages,
  geoPrecisions,
  goals,
  incidentKinds,
  programLines,
  programStatuses,
  roles,
  threats,
  type CodeEntry,
  type Lang,
} from '@atlas/domain';

/** The lists by their names in the domain package (and in the response). */
export const REFERENCE_LISTS = {
  countries,
  goals,
  programLines,
  fundingAccounts,
  fundingStages,
  threats,
  corridorModes,
  programStatuses,
  geoPrecisions,
  agencies,
  confidenceLevels,
  incidentKinds,
  roles,
  auditActions,
  entityTypes,
} as const satisfies Record<string, readonly CodeEntry[]>;

export type ReferenceListName = keyof typeof REFERENCE_LISTS;

/** An entry with one language's label instead of both (other fields, e.g. iso3, kept). */
function localized(entry: CodeEntry, lang: Lang): Record<string, unknown> {
  const { en, es, ...rest } = entry;
  return { ...rest, label: lang === 'en' ? en : es };
}

function buildReference(lang: Lang | undefined): Record<string, unknown> {
  const lists = Object.fromEntries(
    Object.entries(REFERENCE_LISTS).map(([name, list]) => [
      name,
      lang === undefined
        ? list.map((entry) => ({ ...entry }))
        : list.map((entry) => localized(entry, lang)),
    ]),
  );
  return lang === undefined ? lists : { lang, ...lists };
}

const serialized = new Map<Lang | 'both', string>();

/** The reference document as JSON text (cached per language). */
export function referenceJson(lang: Lang | undefined): string {
  const key = lang ?? 'both';
  let text = serialized.get(key);
  if (text === undefined) {
    text = JSON.stringify(buildReference(lang));
    serialized.set(key, text);
  }
  return text;
}
