import type { ProgramLine } from '@atlas/domain';
import { MapProvider } from '@vis.gl/react-maplibre';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSites, type SiteCollection } from '../api/sites';
import { AtlasMap } from '../map/AtlasMap';
import { SOURCE_IDS } from '../map/basemap-style';
import { BoundaryLayers } from '../map/BoundaryLayers';
import { SitesLayer } from '../map/SitesLayer';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Header } from '../ui/Header';
import { Legend } from '../ui/Legend';
import { StatusLine } from '../ui/StatusLine';

/** The map counts as loaded once the basemap and the sites are drawn. */
const READY_SOURCES = [SOURCE_IDS.countries, SOURCE_IDS.departments, SOURCE_IDS.sites];

function countByLine(sites: SiteCollection): Partial<Record<ProgramLine, number>> {
  const counts: Partial<Record<ProgramLine, number>> = {};
  for (const { properties } of sites.features) {
    counts[properties.line] = (counts[properties.line] ?? 0) + 1;
  }
  return counts;
}

/** What visitors see before signing in: the public registry's sites on the regional map. */
export function PublicMapPage() {
  const { t } = useTranslation();
  const sites = useSites();
  const lineCounts = useMemo(
    () => (sites.data ? countByLine(sites.data) : undefined),
    [sites.data],
  );

  return (
    <MapProvider>
      <div className="atlas-shell">
        <Header />
        <main className="atlas-main">
          <AtlasMap readySources={READY_SOURCES} label={t('map.label')}>
            <BoundaryLayers />
            {sites.data && <SitesLayer sites={sites.data} />}
          </AtlasMap>
          {sites.error && (
            <ErrorBanner
              title={t('map.sitesFailed')}
              error={sites.error}
              onRetry={() => void sites.refetch()}
            />
          )}
          <Legend counts={lineCounts} />
        </main>
        <StatusLine
          sitesShown={sites.data?.features.length}
          sitesMatched={sites.data?.numberMatched}
          loading={sites.isPending}
        />
      </div>
    </MapProvider>
  );
}
