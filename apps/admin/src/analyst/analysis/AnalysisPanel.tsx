// Runs each analysis of the API with its parameters and shows the answer: key figures here, the
// geometry on the map. Analyses that need a point or a polygon take it from clicks on the map.
import { countries, label } from '@atlas/domain';
import { Alert, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import type { Polygon } from 'geojson';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { useFeatures } from '../data/features';
import type { Query } from '../data/filters';
import { usePlaces } from '../data/places';
import { useAnalystMap } from '../map/use-analyst-map';
import type { ViewFilters } from '../view/view-state';
import {
  ANALYSES,
  resultFeatures,
  runAnalysis,
  type AnalysisName,
  type AnalysisResult,
} from './analysis-api';
import { AnalysisSummary } from './AnalysisSummary';
import { clearResult, showResult } from './result-layer';

interface AnalysisPanelProps {
  filters: ViewFilters;
  /** Route map clicks to this handler (undefined: clicks pick features again). */
  onPickPoint: (handler: ((lngLat: [number, number]) => void) | undefined) => void;
}

type Vertex = [number, number];

function polygonOf(vertices: Vertex[]): Polygon {
  return { type: 'Polygon', coordinates: [[...vertices, vertices[0]!]] };
}

export function AnalysisPanel({ filters, onPickPoint }: AnalysisPanelProps) {
  const { t } = useTranslation('analyst');
  const lang = useLang();
  const map = useAnalystMap();
  const corridors = useFeatures('corridors', true);
  const places = usePlaces();
  const [name, setName] = useState<AnalysisName>('corridor-coverage');
  const [radiusKm, setRadiusKm] = useState<number>(10);
  const [corridor, setCorridor] = useState<string | null>(null);
  const [country, setCountry] = useState<string | null>(filters.country[0] ?? null);
  const [department, setDepartment] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [point, setPoint] = useState<Vertex | null>(null);
  const [vertices, setVertices] = useState<Vertex[]>([]);
  const [drawing, setDrawing] = useState(false);
  const [result, setResult] = useState<AnalysisResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const picking = name === 'nearest' || (name === 'area-of-interest' && drawing);
  useEffect(() => {
    if (!picking) {
      onPickPoint(undefined);
      return undefined;
    }
    onPickPoint((lngLat) => {
      if (name === 'nearest') setPoint(lngLat);
      else setVertices((current) => [...current, lngLat]);
    });
    return () => {
      onPickPoint(undefined);
    };
  }, [picking, name, onPickPoint]);

  // What is being drawn or picked shows on the map before the analysis runs.
  useEffect(() => {
    if (!map || result) return;
    const features = [];
    if (name === 'nearest' && point) {
      features.push({
        type: 'Feature' as const,
        properties: { role: 'origin' },
        geometry: { type: 'Point' as const, coordinates: point },
      });
    }
    if (name === 'area-of-interest' && vertices.length > 0) {
      features.push({
        type: 'Feature' as const,
        properties: { role: 'area' },
        geometry:
          vertices.length >= 3
            ? polygonOf(vertices)
            : { type: 'MultiPoint' as const, coordinates: vertices },
      });
    }
    showResult(map, { type: 'FeatureCollection', features });
  }, [map, name, point, vertices, result]);

  const query = (): Query | undefined => {
    const radius = String(radiusKm);
    switch (name) {
      case 'corridor-coverage':
        return corridor ? { corridor, radiusKm: radius } : undefined;
      case 'border-crossings':
        return { radiusKm: radius };
      case 'coverage-gaps':
        return { radiusKm: radius, ...(country ? { country } : {}) };
      case 'summary':
        return department
          ? { department, radiusKm: radius }
          : country
            ? { country, radiusKm: radius }
            : { radiusKm: radius };
      case 'area-of-interest':
        return !drawing && department ? { department } : vertices.length >= 3 ? {} : undefined;
      case 'hotspots':
        return {
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(country ? { country } : {}),
        };
      case 'nearest':
        return point ? { lon: String(point[0]), lat: String(point[1]), k: '5' } : undefined;
    }
  };
  const ready = query() !== undefined;

  const run = async () => {
    const params = query();
    if (!params) return;
    setRunning(true);
    setError(null);
    try {
      const polygon =
        name === 'area-of-interest' && vertices.length >= 3 && !department
          ? polygonOf(vertices)
          : undefined;
      const answer = await runAnalysis(name, params, polygon);
      setResult(answer);
      setDrawing(false);
      if (map) {
        const drawn = resultFeatures(answer);
        if (polygon)
          drawn.features.unshift({
            type: 'Feature',
            properties: { role: 'area', opacity: 0.15 },
            geometry: polygon,
          });
        showResult(map, drawn);
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setRunning(false);
    }
  };

  const reset = (next: AnalysisName) => {
    setName(next);
    setResult(null);
    setError(null);
    setVertices([]);
    setPoint(null);
    setDrawing(false);
    if (map) clearResult(map);
  };

  const countryOptions = countries.map(({ code }) => ({
    value: code,
    label: label(countries, code, lang),
  }));
  const departmentOptions = (places.data?.departments ?? []).map((d) => ({
    value: d.properties.code,
    label: `${lang === 'es' ? d.properties.nameEs : d.properties.name} (${d.properties.country ?? ''})`,
  }));
  const needsRadius = [
    'corridor-coverage',
    'border-crossings',
    'coverage-gaps',
    'summary',
  ].includes(name);

  return (
    <Stack gap="xs" data-testid="analysis-panel">
      <Select
        size="xs"
        label={t('analysis.choose')}
        data={ANALYSES.map((value) => ({ value, label: t(`analysis.names.${value}`) }))}
        value={name}
        onChange={(value) => {
          if (value) reset(value);
        }}
        allowDeselect={false}
        data-testid="analysis-name"
      />
      {name === 'corridor-coverage' && (
        <Select
          size="xs"
          searchable
          label={t('analysis.corridor')}
          data={(corridors.data?.features ?? []).map((f) => ({
            value: String(f.properties.id),
            label: String(f.properties.name),
          }))}
          value={corridor}
          onChange={setCorridor}
          data-testid="analysis-corridor"
        />
      )}
      {needsRadius && (
        <NumberInput
          size="xs"
          label={t('analysis.radiusKm')}
          min={0.1}
          max={500}
          value={radiusKm}
          onChange={(value) => {
            setRadiusKm(typeof value === 'number' ? value : 10);
          }}
          data-testid="analysis-radius"
        />
      )}
      {['coverage-gaps', 'summary', 'hotspots'].includes(name) && (
        <Select
          size="xs"
          clearable
          label={t('analysis.country')}
          data={countryOptions}
          value={country}
          onChange={setCountry}
        />
      )}
      {(name === 'summary' || name === 'area-of-interest') && (
        <Select
          size="xs"
          clearable
          searchable
          label={t('analysis.department')}
          data={departmentOptions}
          value={department}
          onChange={setDepartment}
          data-testid="analysis-department"
        />
      )}
      {name === 'area-of-interest' && (
        <Group gap="xs">
          <Button
            size="xs"
            variant={drawing ? 'filled' : 'light'}
            onClick={() => {
              if (!drawing) {
                // A new area: forget the department and the previous drawing.
                setDepartment(null);
                setResult(null);
                setVertices([]);
              }
              setDrawing(!drawing);
            }}
            data-testid="analysis-draw"
          >
            {drawing ? t('analysis.stopDrawing') : t('analysis.draw')}
          </Button>
          <Text size="xs" c="dimmed" data-testid="analysis-vertices">
            {t('analysis.vertices', { count: vertices.length })}
          </Text>
        </Group>
      )}
      {name === 'hotspots' && (
        <Group grow gap="xs">
          <TextInput
            size="xs"
            label={t('analysis.from')}
            placeholder="2013-01-01"
            value={from}
            onChange={(e) => {
              setFrom(e.currentTarget.value);
            }}
          />
          <TextInput
            size="xs"
            label={t('analysis.to')}
            placeholder="2013-12-31"
            value={to}
            onChange={(e) => {
              setTo(e.currentTarget.value);
            }}
          />
        </Group>
      )}
      {name === 'nearest' && (
        <Text size="xs" c="dimmed">
          {point
            ? t('analysis.pointAt', { lon: point[0].toFixed(3), lat: point[1].toFixed(3) })
            : t('analysis.clickPoint')}
        </Text>
      )}
      <Button
        size="xs"
        onClick={() => void run()}
        disabled={!ready}
        loading={running}
        data-testid="analysis-run"
      >
        {t('analysis.run')}
      </Button>
      {error && (
        <Alert color="red" p="xs" role="alert" data-testid="analysis-error">
          {error}
        </Alert>
      )}
      {result && <AnalysisSummary result={result} />}
    </Stack>
  );
}
