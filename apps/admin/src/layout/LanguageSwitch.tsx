import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { chooseLanguage, useLang } from '../i18n/language';

/** English / Español, remembered per user. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useSession();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={lang}
      onChange={(value) => void chooseLanguage(value, user?.id)}
      data={[
        { value: 'en', label: 'English' },
        { value: 'es', label: 'Español' },
      ]}
      data-testid="language-switch"
    />
  );
}
