import { countries, type CountryCode } from '@atlas/domain';
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/language';
import { codeOptions } from '../registry/shared/codes';

interface CountryScopeInputProps {
  value: CountryCode[] | null;
  onChange: (value: CountryCode[] | null) => void;
  error?: string | undefined;
}

/** A country scope: no countries chosen means every country (null). */
export function CountryScopeInput({ value, onChange, error }: CountryScopeInputProps) {
  const { t } = useTranslation('admin');
  const lang = useLang();
  return (
    <MultiSelect
      label={t('scope.label')}
      description={t('scope.hint')}
      data={codeOptions(countries, lang)}
      value={value ?? []}
      onChange={(codes) => {
        onChange(codes.length === 0 ? null : (codes as CountryCode[]));
      }}
      error={error}
      clearable
    />
  );
}
