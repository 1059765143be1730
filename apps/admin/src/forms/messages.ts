// Validation messages in the user's language. TypeBox's own messages follow its locale (set
// with the interface language, see i18n/index.ts); the domain's rule messages and the API's
// field errors are English sentences, matched here and translated.
import type { TFunction } from 'i18next';

type Translator = (match: RegExpExecArray, t: TFunction) => string;

const patterns: [RegExp, Translator][] = [
  [/^is required$/, (_, t) => t('registry:validation.required')],
  [/^unknown property$/, (_, t) => t('registry:validation.unknownProperty')],
  [/^must not start or end with whitespace$/, (_, t) => t('registry:validation.whitespace')],
  [/^must be a calendar date YYYY-MM-DD$/, (_, t) => t('registry:validation.date')],
  [
    /^(\w+) must not be before (\w+)$/,
    ([, later = '', earlier = ''], t) =>
      t('registry:validation.before', {
        later: t(`registry:fields.${later}`),
        earlier: t(`registry:fields.${earlier}`),
      }),
  ],
  [
    /^at least one (\w+) is required$/,
    ([, noun = ''], t) => t(`registry:validation.atLeastOne.${noun}`),
  ],
  [
    /^duplicate funding row for FY(\d+) (\w+) (\w+)$/,
    ([, year, account, stage], t) =>
      t('registry:validation.duplicateFunding', { year, account, stage }),
  ],
  [
    /^FY(\d+) (\w+): (\w+) exceeds (\w+)$/,
    ([, year, account, later = '', earlier = ''], t) =>
      t('registry:validation.stageExceeds', {
        year,
        account,
        later: t(`registry:stages.${later}`),
        earlier: t(`registry:stages.${earlier}`),
      }),
  ],
  [
    /^duplicate indicator code (.+)$/,
    ([, code], t) => t('registry:validation.duplicateIndicator', { code }),
  ],
  [
    /^duplicate (\w+) (.+)$/,
    ([, noun, value], t) => t('registry:validation.duplicate', { noun, value }),
  ],
  [/^longitude must be within/, (_, t) => t('registry:validation.longitude')],
  [/^latitude must be within/, (_, t) => t('registry:validation.latitude')],
  [
    /^invalid geometry: (.+)$/,
    ([, reason], t) => t('registry:validation.invalidGeometry', { reason }),
  ],
];

/** The message in the current language (unknown messages are shown as they are). */
export function translateMessage(message: string, t: TFunction): string {
  for (const [pattern, translate] of patterns) {
    const match = pattern.exec(message);
    if (match) return translate(match, t);
  }
  return message;
}
