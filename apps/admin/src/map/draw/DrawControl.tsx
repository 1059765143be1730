import { Button, Group, Paper, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { TerraDraw } from 'terra-draw';
import { useTranslation } from 'react-i18next';
import { useAtlasMap } from '../map-context';
import {
  createTerraDraw,
  fromDrawFeatures,
  toDrawFeatures,
  type DrawKind,
  type DrawnGeometry,
} from './terra-draw';

interface DrawControlProps {
  kind: DrawKind;
  value: DrawnGeometry | null;
  onChange: (geometry: DrawnGeometry | null) => void;
  disabled?: boolean;
}

type Mode = 'draw' | 'select' | 'static';

/**
 * Draw and reshape a line or polygon with Terra Draw, inside an `<AtlasMap>`. The geometry is a
 * controlled value: what the user draws is reported through `onChange`; a new `value` from
 * outside (a record loaded or reloaded) replaces the drawing.
 */
export function DrawControl({ kind, value, onChange, disabled = false }: DrawControlProps) {
  const { t } = useTranslation('common');
  const { map } = useAtlasMap();
  const [draw, setDraw] = useState<TerraDraw | null>(null);
  const [mode, setMode] = useState<Mode>('static');
  const emitted = useRef<string | null>(null);
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });

  useEffect(() => {
    if (!map) return undefined;
    const instance = createTerraDraw(map, kind);
    const report = () => {
      const geometry = fromDrawFeatures(instance, kind);
      emitted.current = JSON.stringify(geometry);
      latestOnChange.current(geometry);
    };
    instance.on('finish', () => {
      report();
      instance.setMode('select');
      setMode('select');
    });
    instance.on('change', (_ids, type) => {
      if (type === 'update' && instance.getMode() === 'select') report();
      if (type === 'delete') report();
    });
    setDraw(instance);
    return () => {
      instance.stop();
      setDraw(null);
    };
  }, [map, kind]);

  // A value from outside (not what we just reported) replaces the drawing.
  useEffect(() => {
    if (!draw) return;
    const text = JSON.stringify(value);
    if (text === emitted.current) return;
    emitted.current = text;
    draw.clear();
    const features = toDrawFeatures(value, kind);
    if (features.length > 0) draw.addFeatures(features);
    draw.setMode('static');
    setMode('static');
  }, [draw, value, kind]);

  const choose = (next: Mode) => {
    if (!draw) return;
    draw.setMode(next === 'draw' ? kind : next);
    setMode(next);
  };

  if (disabled) return null;
  return (
    <Paper className="atlas-draw-toolbar" shadow="sm" p="xs" withBorder>
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant={mode === 'draw' ? 'filled' : 'light'}
          onClick={() => {
            choose('draw');
          }}
          aria-pressed={mode === 'draw'}
          data-testid="draw-mode"
        >
          {t(kind === 'linestring' ? 'draw.line' : 'draw.polygon')}
        </Button>
        <Button
          size="compact-sm"
          variant={mode === 'select' ? 'filled' : 'light'}
          onClick={() => {
            choose('select');
          }}
          aria-pressed={mode === 'select'}
          disabled={value === null}
        >
          {t('draw.reshape')}
        </Button>
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          disabled={value === null}
          onClick={() => {
            draw?.clear();
            emitted.current = JSON.stringify(null);
            onChange(null);
            choose('static');
          }}
        >
          {t('draw.clear')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4} data-testid="draw-hint">
        {mode === 'draw'
          ? t(kind === 'linestring' ? 'draw.lineHint' : 'draw.polygonHint')
          : mode === 'select'
            ? t('draw.reshapeHint')
            : ''}
      </Text>
    </Paper>
  );
}
