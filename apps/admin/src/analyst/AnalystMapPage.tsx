// The analysts' regional map: layers with legends, shared filters, time slider, search, summary
// card, analyses and exports, all in one view whose state lives in the URL.
import { fiscalYearOf } from '@atlas/domain';
import { Accordion, Alert, ScrollArea, Stack } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useAnalystMap } from './map/use-analyst-map';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { useLang } from '../i18n/language';
import { AtlasMap } from '../map/AtlasMap';
import { SOURCE_IDS } from '../map/basemap-style';
import { BoundaryLayers } from '../map/BoundaryLayers';
import { runsDuring, timeRange } from './data/filters';
import { usePrograms } from './data/programs';
import { useSourceKind } from './data/sources';
import type { Extent } from './data/extent';
import { useFeatures } from './data/features';
import { extentOf } from './data/extent';
import { AnalysisPanel } from './analysis/AnalysisPanel';
import { DataLayers } from './map/DataLayers';
import { CENTRAL_AMERICA_BOUNDS } from '../map/initial-view';
import { LabelLayers } from './map/LabelLayers';
import { MapBindings, type PickedFeature } from './map/MapBindings';
import { ExportPanel } from './panels/ExportPanel';
import { FilterPanel } from './panels/FilterPanel';
import { LayerPanel } from './panels/LayerPanel';
import { ProgramList } from './panels/ProgramList';
import { SearchBox } from './panels/SearchBox';
import { SummaryCard } from './panels/SummaryCard';
import { TimeSlider } from './panels/TimeSlider';
import { hasFilters, type MapPosition, type TimeState } from './view/view-state';
import { useViewState } from './view/use-view-state';
import './analyst.css';

const READY_SOURCES = [SOURCE_IDS.countries, SOURCE_IDS.departments];

export function AnalystMapPage() {
  const { t } = useTranslation('analyst');
  const lang = useLang();
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const [view, update] = useViewState();
  const [picked, setPicked] = useState<PickedFeature | null>(null);
  const [playing, setPlaying] = useState(false);
  const [mapClick, setMapClick] = useState<((lngLat: [number, number]) => void) | undefined>();
  const kind = useSourceKind();
  const programs = usePrograms(view.filters);
  const sites = useFeatures('sites', true);

  const range = useMemo(() => timeRange(view.time), [view.time]);
  const shownPrograms = useMemo(
    () => (programs.data ?? []).filter((program) => runsDuring(program, range.from, range.to)),
    [programs.data, range],
  );
  const narrowed = hasFilters(view.filters) || view.time.at !== null;
  const programIds = useMemo(
    () => (narrowed && programs.data ? shownPrograms.map((program) => program.id) : null),
    [narrowed, programs.data, shownPrograms],
  );
  const years = useMemo(() => {
    const all = programs.data ?? [];
    const starts = all.map((p) => fiscalYearOf(p.startDate));
    const ends = all.map((p) => fiscalYearOf(p.endDate ?? new Date()));
    const first = starts.length ? Math.min(...starts) : 2008;
    return { first, last: Math.max(first, ...ends) };
  }, [programs.data]);

  const onMove = useCallback(
    (position: MapPosition) => {
      update({ position });
    },
    [update],
  );
  const setTime = useCallback(
    (time: TimeState) => {
      update({ time });
    },
    [update],
  );
  const map = useAnalystMap();
  const pickPoint = useCallback((handler: ((lngLat: [number, number]) => void) | undefined) => {
    setMapClick(() => handler);
  }, []);
  const flyTo = useCallback(
    (extent: Extent) => map?.fitBounds(extent, { padding: 60, maxZoom: 9, duration: 600 }),
    [map],
  );

  return (
    <div className="analyst-page" data-testid="analyst-map-page" data-source-kind={kind ?? ''}>
      <aside className="analyst-sidebar" aria-label={t('sidebar')}>
        <ScrollArea h="100%" type="auto">
          <Stack gap="sm" p="sm">
            <SearchBox programs={programs.data ?? []} onGo={flyTo} />
            <Accordion multiple defaultValue={['layers', 'filters']} variant="contained">
              <Accordion.Item value="layers">
                <Accordion.Control>{t('panels.layers')}</Accordion.Control>
                <Accordion.Panel>
                  <LayerPanel view={view} onChange={update} />
                </Accordion.Panel>
              </Accordion.Item>
              <Accordion.Item value="filters">
                <Accordion.Control>{t('panels.filters')}</Accordion.Control>
                <Accordion.Panel>
                  <FilterPanel
                    filters={view.filters}
                    onChange={(filters) => {
                      update({ filters });
                    }}
                  />
                </Accordion.Panel>
              </Accordion.Item>
              <Accordion.Item value="programs">
                <Accordion.Control>{t('panels.programs')}</Accordion.Control>
                <Accordion.Panel>
                  <ProgramList
                    programs={shownPrograms}
                    loading={programs.isPending}
                    onShow={(program) => {
                      const geometries = (sites.data?.features ?? [])
                        .filter((site) => site.properties.programId === program.id)
                        .map((site) => site.geometry);
                      const extent = extentOf(geometries);
                      if (extent) flyTo(extent);
                    }}
                  />
                </Accordion.Panel>
              </Accordion.Item>
              <Accordion.Item value="analysis">
                <Accordion.Control>{t('panels.analysis')}</Accordion.Control>
                <Accordion.Panel>
                  <AnalysisPanel filters={view.filters} onPickPoint={pickPoint} />
                </Accordion.Panel>
              </Accordion.Item>
              <Accordion.Item value="export">
                <Accordion.Control>{t('panels.export')}</Accordion.Control>
                <Accordion.Panel>
                  <ExportPanel programs={shownPrograms} countryFilter={view.filters.country} />
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          </Stack>
        </ScrollArea>
      </aside>
      <div className="analyst-map-area">
        <AtlasMap
          readySources={READY_SOURCES}
          label={t('map.label')}
          className="analyst-map"
          initialBounds={CENTRAL_AMERICA_BOUNDS}
        >
          <BoundaryLayers />
          {kind && (
            <DataLayers
              view={view}
              kind={kind}
              programIds={programIds}
              signedIn={signedIn}
              dateRange={range}
              threat={view.threat}
            />
          )}
          {view.layers.includes('labels') && <LabelLayers lang={lang} />}
          <MapBindings
            position={view.position}
            onMove={onMove}
            bordersVisible={view.layers.includes('borders')}
            onMapClick={mapClick}
            onPick={setPicked}
          />
        </AtlasMap>
        {picked && (
          <SummaryCard
            feature={picked}
            onClose={() => {
              setPicked(null);
            }}
          />
        )}
        <div className="analyst-bottom">
          <TimeSlider
            time={view.time}
            onChange={setTime}
            firstYear={years.first}
            lastYear={years.last}
            playing={playing}
            onPlaying={setPlaying}
          />
        </div>
      </div>
      {programs.error && (
        <Alert color="red" role="alert" className="analyst-error" title={t('errors.programs')}>
          {programs.error.message}
        </Alert>
      )}
    </div>
  );
}
