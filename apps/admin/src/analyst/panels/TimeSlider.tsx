// The time slider: step through fiscal years or months, by hand or playing. Programs show for
// their whole period (running during the step), incidents by date (inside the step).
import { ActionIcon, Group, SegmentedControl, Slider, Switch, Text } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeState } from '../view/view-state';
import { fiscalYearSteps, monthSteps } from './time-steps';

interface TimeSliderProps {
  time: TimeState;
  onChange: (time: TimeState) => void;
  /** The fiscal years the data spans. */
  firstYear: number;
  lastYear: number;
  playing: boolean;
  onPlaying: (playing: boolean) => void;
}

const PLAY_INTERVAL_MS = 1200;

export function TimeSlider({
  time,
  onChange,
  firstYear,
  lastYear,
  playing,
  onPlaying,
}: TimeSliderProps) {
  const { t } = useTranslation('analyst');
  const steps = useMemo(
    () =>
      time.unit === 'fy'
        ? fiscalYearSteps(firstYear, lastYear)
        : monthSteps(`${firstYear - 1}-10-01`, `${lastYear}-09-30`),
    [time.unit, firstYear, lastYear],
  );
  const index = time.at === null ? -1 : steps.indexOf(time.at);
  const on = time.at !== null;

  useEffect(() => {
    if (!playing) return undefined;
    const timer = window.setInterval(() => {
      const next = index + 1;
      if (next >= steps.length) {
        onPlaying(false);
        return;
      }
      onChange({ ...time, at: steps[next]! });
    }, PLAY_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
    };
  }, [playing, index, steps, time, onChange, onPlaying]);

  const stepLabel = (i: number) => {
    const step = steps[i];
    if (!step) return '';
    return time.unit === 'fy' ? t('time.fy', { year: step }) : step;
  };

  return (
    <Group gap="sm" wrap="nowrap" className="analyst-time" data-testid="time-slider">
      <Switch
        size="xs"
        checked={on}
        label={t('time.label')}
        onChange={(event) => {
          onPlaying(false);
          onChange({ ...time, at: event.currentTarget.checked ? (steps[0] ?? null) : null });
        }}
        data-testid="time-enable"
      />
      <SegmentedControl
        size="xs"
        value={time.unit}
        onChange={(unit) => {
          onPlaying(false);
          const next = unit;
          const at = !on ? null : next === 'fy' ? String(firstYear) : `${firstYear - 1}-10`;
          onChange({ unit: next, at });
        }}
        data={[
          { value: 'fy', label: t('time.fiscalYears') },
          { value: 'month', label: t('time.months') },
        ]}
        aria-label={t('time.unit')}
      />
      <ActionIcon
        variant="filled"
        aria-label={playing ? t('time.pause') : t('time.play')}
        onClick={() => {
          if (!on || index >= steps.length - 1) onChange({ ...time, at: steps[0] ?? null });
          onPlaying(!playing);
        }}
        data-testid="time-play"
        data-playing={playing}
      >
        <span aria-hidden>{playing ? '❚❚' : '▶'}</span>
      </ActionIcon>
      <Slider
        style={{ flex: 1 }}
        min={0}
        max={Math.max(0, steps.length - 1)}
        value={Math.max(0, index)}
        disabled={!on}
        label={stepLabel}
        onChange={(i) => {
          onChange({ ...time, at: steps[i] ?? null });
        }}
        thumbLabel={t('time.step')}
        data-testid="time-range"
      />
      <Text size="sm" fw={600} miw={80} data-testid="time-current" aria-live="polite">
        {on ? stepLabel(index) : t('time.all')}
      </Text>
    </Group>
  );
}
