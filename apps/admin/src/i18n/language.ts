// The interface language, remembered per user in localStorage (`atlas.lang.<user id>`; the
// signed-out choice under `atlas.lang`). The document's `lang` attribute follows it.
import type { Lang } from '@atlas/domain';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';

const KEY = 'atlas.lang';

function keyFor(userId: string | null | undefined): string {
  return userId ? `${KEY}.${userId}` : KEY;
}

function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'es';
}

function stored(userId?: string | null): Lang | undefined {
  try {
    const value = localStorage.getItem(keyFor(userId));
    return isLang(value) ? value : undefined;
  } catch {
    return undefined; // storage disabled: the browser's language decides
  }
}

/** The language to start with: the last signed-out choice, else the browser's. */
export function initialLanguage(): Lang {
  const chosen = stored();
  if (chosen) return chosen;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Switch language and remember it for this user (and as the signed-out default). */
export async function chooseLanguage(lang: Lang, userId?: string | null): Promise<void> {
  try {
    localStorage.setItem(KEY, lang);
    if (userId) localStorage.setItem(keyFor(userId), lang);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

/** After sign-in: the language this user chose last time, if any. */
export async function restoreUserLanguage(userId: string): Promise<void> {
  const lang = stored(userId);
  if (lang && lang !== i18next.language) await chooseLanguage(lang, userId);
}

/** The current interface language as a domain `Lang` (for code-list labels). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return isLang(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}
