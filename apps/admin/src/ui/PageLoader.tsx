import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A page (or a record) that is still loading. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center p="xl" h="100%">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}
