// Export what is on screen: the map as a PNG, the selected sites as CSV (chosen columns) or
// GeoJSON. The selection is the sites of the programs the filters and time step keep.
import type { Program } from '@atlas/domain';
import { Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { useFeatures } from '../data/features';
import { useAnalystMap } from '../map/use-analyst-map';
import { toCsv } from '../export/csv';
import { download, mapPng, stamp } from '../export/download';
import {
  DEFAULT_SITE_COLUMNS,
  SITE_COLUMNS,
  selectedSites,
  siteCell,
  type SiteColumn,
} from '../export/selection';

interface ExportPanelProps {
  programs: readonly Program[];
  countryFilter: readonly string[];
}

export function ExportPanel({ programs, countryFilter }: ExportPanelProps) {
  const { t } = useTranslation('analyst');
  const lang = useLang();
  const map = useAnalystMap();
  const sites = useFeatures('sites', true);
  const [columns, setColumns] = useState<SiteColumn[]>(DEFAULT_SITE_COLUMNS);
  const [error, setError] = useState<string | null>(null);
  const selection = sites.data ? selectedSites(sites.data, programs, countryFilter) : undefined;

  const exportCsv = () => {
    if (!selection) return;
    const ordered = SITE_COLUMNS.filter((column) => columns.includes(column));
    const rows = selection.features.map((f) => ordered.map((column) => siteCell(f, column, lang)));
    const csv = toCsv(
      ordered.map((column) => t(`export.columns.${column}`)),
      rows,
    );
    download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `carsi-sites-${stamp()}.csv`);
  };
  const exportGeoJson = () => {
    if (!selection) return;
    const text = JSON.stringify(selection);
    download(new Blob([text], { type: 'application/geo+json' }), `carsi-sites-${stamp()}.geojson`);
  };
  const exportPng = async () => {
    if (!map) return;
    try {
      setError(null);
      download(await mapPng(map), `carsi-map-${stamp()}.png`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <Stack gap="xs" data-testid="export-panel">
      <Button size="xs" onClick={() => void exportPng()} disabled={!map} data-testid="export-png">
        {t('export.png')}
      </Button>
      <Text size="sm" data-testid="export-count">
        {selection ? t('export.selection', { count: selection.features.length }) : t('loading')}
      </Text>
      <Checkbox.Group
        label={t('export.columnsLabel')}
        value={columns}
        onChange={(values) => {
          setColumns(values);
        }}
      >
        <SimpleGrid cols={2} spacing={4} verticalSpacing={4} mt={4}>
          {SITE_COLUMNS.map((column) => (
            <Checkbox key={column} size="xs" value={column} label={t(`export.columns.${column}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group grow gap="xs">
        <Button
          size="xs"
          variant="light"
          onClick={exportCsv}
          disabled={!selection || columns.length === 0}
          data-testid="export-csv"
        >
          {t('export.csv')}
        </Button>
        <Button
          size="xs"
          variant="light"
          onClick={exportGeoJson}
          disabled={!selection}
          data-testid="export-geojson"
        >
          {t('export.geojson')}
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
