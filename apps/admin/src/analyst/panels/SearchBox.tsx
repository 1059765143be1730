// One search box for places (countries and departments), programs and corridors. Choosing a
// result moves the map to it.
import type { Program } from '@atlas/domain';
import { Select } from '@mantine/core';
import type { Geometry } from 'geojson';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { extentOf, type Extent } from '../data/extent';
import { useFeatures } from '../data/features';
import { usePlaces } from '../data/places';

interface SearchBoxProps {
  programs: readonly Program[];
  onGo: (extent: Extent) => void;
}

export function SearchBox({ programs, onGo }: SearchBoxProps) {
  const { t } = useTranslation('analyst');
  const lang = useLang();
  const placeQuery = usePlaces();
  const places = useMemo(
    () => ({
      data: placeQuery.data
        ? [...placeQuery.data.countries, ...placeQuery.data.departments]
        : undefined,
    }),
    [placeQuery.data],
  );
  const sites = useFeatures('sites', true);
  const corridors = useFeatures('corridors', true);

  const extents = useMemo(() => {
    const map = new Map<string, Extent>();
    for (const place of places.data ?? []) {
      const extent = extentOf([place.geometry]);
      if (extent) map.set(`place:${place.properties.code}`, extent);
    }
    const byProgram = new Map<string, Geometry[]>();
    for (const site of sites.data?.features ?? []) {
      const id = String(site.properties.programId);
      byProgram.set(id, [...(byProgram.get(id) ?? []), site.geometry]);
    }
    for (const [id, geometries] of byProgram) {
      const extent = extentOf(geometries);
      if (extent) map.set(`program:${id}`, extent);
    }
    for (const corridor of corridors.data?.features ?? []) {
      const extent = extentOf([corridor.geometry]);
      if (extent) map.set(`corridor:${String(corridor.properties.id)}`, extent);
    }
    return map;
  }, [places.data, sites.data, corridors.data]);

  const data = useMemo(
    () => [
      {
        group: t('search.places'),
        items: (places.data ?? []).map((place) => ({
          value: `place:${place.properties.code}`,
          label: lang === 'es' ? place.properties.nameEs : place.properties.name,
        })),
      },
      {
        group: t('search.programs'),
        items: programs
          .filter((program) => extents.has(`program:${program.id}`))
          .map((program) => ({
            value: `program:${program.id}`,
            label: `${program.code} · ${lang === 'es' ? program.titleEs : program.title}`,
          })),
      },
      {
        group: t('search.corridors'),
        items: (corridors.data?.features ?? []).map((corridor) => ({
          value: `corridor:${String(corridor.properties.id)}`,
          label: String(corridor.properties.name),
        })),
      },
    ],
    [places.data, programs, corridors.data, extents, lang, t],
  );

  return (
    <Select
      size="sm"
      searchable
      clearable
      placeholder={t('search.placeholder')}
      aria-label={t('search.label')}
      data={data}
      value={null}
      limit={30}
      nothingFoundMessage={t('search.nothing')}
      onChange={(value) => {
        const extent = value ? extents.get(value) : undefined;
        if (extent) onGo(extent);
      }}
      data-testid="search"
    />
  );
}
