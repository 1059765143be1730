import { Group, Loader, Text } from '@mantine/core';

interface StatusLineProps {
  /** Sites drawn on the map; undefined while they load or when loading failed. */
  sitesShown: number | undefined;
  loading: boolean;
}

export function StatusLine({ sitesShown, loading }: StatusLineProps) {
  return (
    <Group
      component="footer"
      className="atlas-status"
      gap="xs"
      data-testid="status-line"
      data-sites-count={sitesShown}
    >
      {loading && <Loader size={12} />}
      <Text size="sm">
        {loading
          ? 'Loading sites…'
          : sitesShown === undefined
            ? 'No sites shown'
            : `${sitesShown} ${sitesShown === 1 ? 'site' : 'sites'} shown`}
      </Text>
    </Group>
  );
}
