// The import report's problems in the user's language. The API writes them in English: its own
// conversion messages (mapping.ts, importer.ts), TypeBox's schema messages and the domain's rule
// messages. Known ones are matched and translated here (the domain rules by ../forms/messages);
// anything else is shown as the API wrote it.
import type { TFunction } from 'i18next';
import { translateMessage } from '../forms/messages';

type Translator = (match: RegExpExecArray, t: TFunction) => string;

const patterns: [RegExp, Translator][] = [
  [/^"(.*)" is not a number$/, ([, value], t) => t('import:problem.notNumber', { value })],
  [/^(.+) is not a whole number$/, ([, value], t) => t('import:problem.notInteger', { value })],
  [/^"(.*)" is not yes\/no/, ([, value], t) => t('import:problem.notBoolean', { value })],
  [
    /^"(.*)" is not FY\/ACCOUNT\/stage=amount$/,
    ([, value], t) => t('import:problem.notFunding', { value }),
  ],
  [/^must be a list$/, (_, t) => t('import:problem.notList')],
  [/^required: re-imports find the record by it/, (_, t) => t('import:problem.externalIdRequired')],
  [
    /^duplicate id "(.*)": an earlier row(?: \((.+)\))? has it$/,
    ([, id, earlier], t) =>
      earlier
        ? t('import:problem.duplicateIdAt', { id, earlier })
        : t('import:problem.duplicateId', { id }),
  ],
  [/^no program "(.*)"$/, ([, ref], t) => t('import:problem.noProgram', { ref })],
  [/^the record imported with this id was deleted/, (_, t) => t('import:problem.deleted')],
  // TypeBox's schema messages (the API validates in English).
  [/^must be equal to one of the allowed values$/, (_, t) => t('import:problem.enum')],
  [/^must be equal to constant$/, (_, t) => t('import:problem.enum')],
  [/^must match a schema in anyOf$/, (_, t) => t('import:problem.enum')],
  [/^must match pattern "(.*)"$/, ([, pattern], t) => t('import:problem.pattern', { pattern })],
  [/^must match format "(.*)"$/, ([, format], t) => t('import:problem.format', { format })],
  [
    /^must be (string|number|integer|boolean|array|object|null)$/,
    ([, type], t) => t('import:problem.type', { type }),
  ],
  [
    /^must be (<=|>=|<|>) (.+)$/,
    ([, comparison, limit], t) => t('import:problem.compare', { comparison, limit }),
  ],
  [
    /^must not have more than (\d+) characters$/,
    ([, limit], t) => t('import:problem.maxLength', { limit }),
  ],
  [
    /^must not have fewer than (\d+) characters$/,
    ([, limit], t) => t('import:problem.minLength', { limit }),
  ],
  [
    /^must not have fewer than (\d+) items$/,
    ([, limit], t) => t('import:problem.minItems', { limit }),
  ],
  [
    /^must have at most (\d+) characters$/,
    ([, limit], t) => t('import:problem.maxLength', { limit }),
  ],
  [
    /^must have required properties (.+)$/,
    ([, names], t) => t('import:problem.missing', { names }),
  ],
  [/^must not have additional properties$/, (_, t) => t('import:problem.additional')],
];

/** One problem's message in the current language. */
export function translateProblem(message: string, t: TFunction): string {
  for (const [pattern, translate] of patterns) {
    const match = pattern.exec(message);
    if (match) return translate(match, t);
  }
  return translateMessage(message, t);
}

/** The field a problem names, as the form labels it (mapping targets have their own labels). */
export function fieldLabel(field: string, t: TFunction): string {
  return t([`import:targets.${field}`, `registry:fields.${field}`], { defaultValue: field });
}
