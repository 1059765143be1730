import { Group, Loader, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

interface StatusLineProps {
  /** Sites drawn on the map; undefined while they load or when loading failed. */
  sitesShown: number | undefined;
  /** Sites matching, when the API says (more than shown if it paged its answer). */
  sitesMatched?: number | undefined;
  loading: boolean;
}

function describe(t: TFunction, { sitesShown, sitesMatched, loading }: StatusLineProps): string {
  if (loading) return t('status.loading');
  if (sitesShown === undefined) return t('status.none');
  if (sitesMatched !== undefined && sitesMatched > sitesShown) {
    return t('status.someOf', { count: sitesMatched, shown: sitesShown });
  }
  return t('status.shown', { count: sitesShown });
}

/** The bottom line of the page: how many sites the map shows. */
export function StatusLine(props: StatusLineProps) {
  const { t } = useTranslation();
  return (
    <Group
      component="footer"
      className="atlas-status"
      gap="xs"
      data-testid="status-line"
      data-sites-count={props.sitesShown}
    >
      {props.loading && <Loader size={12} />}
      <Text size="sm">{describe(t, props)}</Text>
    </Group>
  );
}
