import { label, programLines, type ProgramLine } from '@atlas/domain';
import { ColorSwatch, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/language';
import { PROGRAM_LINE_COLORS } from '../map/basemap-style';

interface LegendProps {
  /** Sites per program line, shown next to each entry when known. */
  counts?: Partial<Record<ProgramLine, number>>;
}

/** What the site colours mean: one entry per CARSI program line. */
export function Legend({ counts }: LegendProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper className="atlas-legend" shadow="sm" p="sm" radius="md" withBorder>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={6}>
        {t('map.programLines')}
      </Text>
      <Stack gap={6}>
        {programLines.map(({ code }) => (
          <Group key={code} gap={8} wrap="nowrap" align="flex-start">
            <ColorSwatch color={PROGRAM_LINE_COLORS[code]} size={14} mt={3} withShadow={false} />
            <Text size="sm" lh={1.35}>
              {label(programLines, code, lang)}
              {counts?.[code] !== undefined && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  ({counts[code]})
                </Text>
              )}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
