// Each layer with its toggle and its legend, the legend right under the switch it explains.
import { corridorModes, label, programLines, threats } from '@atlas/domain';
import { ColorSwatch, Group, SegmentedControl, Select, Stack, Switch, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import {
  COMMUNITY_CLASSES,
  CORRIDOR_MODE_COLORS,
  HEX_COLORS,
  PROGRAM_LINE_COLORS,
} from '../map/layer-styles';
import { LAYER_KEYS, type LayerKey, type ViewState } from '../view/view-state';
import type { ViewUpdate } from '../view/use-view-state';

interface LayerPanelProps {
  view: ViewState;
  onChange: (update: ViewUpdate) => void;
}

function Entry({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap">
      <ColorSwatch color={color} size={12} withShadow={false} />
      <Text size="xs">{children}</Text>
    </Group>
  );
}

function classLabels(breaks: number[], format: (n: number) => string): string[] {
  return [
    `< ${format(breaks[0]!)}`,
    ...breaks.slice(0, -1).map((b, i) => `${format(b)}–${format(breaks[i + 1]!)}`),
    `≥ ${format(breaks[breaks.length - 1]!)}`,
  ];
}

export function LayerPanel({ view, onChange }: LayerPanelProps) {
  const { t, i18n } = useTranslation('analyst');
  const lang = useLang();
  const number = (n: number) => n.toLocaleString(i18n.language);
  const toggle = (key: LayerKey, on: boolean) => {
    onChange((current) => ({
      layers: on
        ? LAYER_KEYS.filter((k) => k === key || current.layers.includes(k))
        : current.layers.filter((k) => k !== key),
    }));
  };

  const legends: Partial<Record<LayerKey, ReactNode>> = {
    sites: programLines.map(({ code }) => (
      <Entry key={code} color={PROGRAM_LINE_COLORS[code]}>
        {label(programLines, code, lang)}
      </Entry>
    )),
    corridors: (
      <>
        {corridorModes.map(({ code }) => (
          <Entry key={code} color={CORRIDOR_MODE_COLORS[code]}>
            {label(corridorModes, code, lang)}
          </Entry>
        ))}
        <Select
          size="xs"
          label={t('layers.threat')}
          placeholder={t('layers.anyThreat')}
          clearable
          data={threats.map(({ code }) => ({ value: code, label: label(threats, code, lang) }))}
          value={view.threat}
          onChange={(value) => {
            onChange({ threat: value });
          }}
          data-testid="threat-select"
        />
      </>
    ),
    communities: (
      <>
        <SegmentedControl
          size="xs"
          value={view.communityMeasure}
          onChange={(value) => {
            onChange({ communityMeasure: value });
          }}
          data={[
            { value: 'homicideRate', label: t('layers.byHomicideRate') },
            { value: 'population', label: t('layers.byPopulation') },
          ]}
          aria-label={t('layers.graduatedBy')}
        />
        {classLabels(COMMUNITY_CLASSES[view.communityMeasure].breaks, number).map((text, i) => (
          <Entry key={text} color={COMMUNITY_CLASSES[view.communityMeasure].colors[i]!}>
            {text}
          </Entry>
        ))}
      </>
    ),
    heatmap: (
      <Text size="xs" c="dimmed">
        {t('layers.heatmapLegend')}
      </Text>
    ),
    hexbins: (
      <Group gap={4}>
        {HEX_COLORS.map((color) => (
          <ColorSwatch key={color} color={color} size={12} radius={0} withShadow={false} />
        ))}
        <Text size="xs" c="dimmed">
          {t('layers.hexLegend')}
        </Text>
      </Group>
    ),
  };

  return (
    <Stack gap="xs" data-testid="layer-panel">
      {LAYER_KEYS.map((key) => {
        const on = view.layers.includes(key);
        return (
          <Stack key={key} gap={4}>
            <Switch
              size="sm"
              checked={on}
              onChange={(event) => {
                toggle(key, event.currentTarget.checked);
              }}
              label={t(`layers.${key}`)}
              data-testid={`layer-toggle-${key}`}
            />
            {on && legends[key] && (
              <Stack gap={3} pl={44} data-testid={`legend-${key}`}>
                {legends[key]}
              </Stack>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
