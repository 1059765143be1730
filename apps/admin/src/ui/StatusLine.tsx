import { Group, Loader, Text } from '@mantine/core';

interface StatusLineProps {
  /** Sites drawn on the map; undefined while they load or when loading failed. */
  sitesShown: number | undefined;
  /** Sites matching, when the API says (more than shown if it paged its answer). */
  sitesMatched?: number | undefined;
  loading: boolean;
}

const formatCount = (count: number) => count.toLocaleString('en-US');

function describe({ sitesShown, sitesMatched, loading }: StatusLineProps): string {
  if (loading) return 'Loading sites…';
  if (sitesShown === undefined) return 'No sites shown';
  const noun = sitesShown === 1 && sitesMatched === undefined ? 'site' : 'sites';
  if (sitesMatched !== undefined && sitesMatched > sitesShown) {
    return `${formatCount(sitesShown)} of ${formatCount(sitesMatched)} ${noun} shown`;
  }
  return `${formatCount(sitesShown)} ${noun} shown`;
}

/** The bottom line of the page: how many sites the map shows. */
export function StatusLine(props: StatusLineProps) {
  return (
    <Group
      component="footer"
      className="atlas-status"
      gap="xs"
      data-testid="status-line"
      data-sites-count={props.sitesShown}
    >
      {props.loading && <Loader size={12} />}
      <Text size="sm">{describe(props)}</Text>
    </Group>
  );
}
