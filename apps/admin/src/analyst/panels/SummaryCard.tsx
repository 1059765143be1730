// What a clicked feature is, in a few lines, with a link to its full record.
import {
  corridorModes,
  countries,
  geoPrecisions,
  isCode,
  label,
  programLines,
  programStatuses,
  threats,
  confidenceLevels,
  type CodeEntry,
} from '@atlas/domain';
import { Anchor, CloseButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { ANALYST_LAYER_IDS } from '../map/layer-styles';
import type { PickedFeature } from '../map/MapBindings';

interface SummaryCardProps {
  feature: PickedFeature;
  onClose: () => void;
}

type Row = [key: string, value: string];

export function SummaryCard({ feature, onClose }: SummaryCardProps) {
  const { t, i18n } = useTranslation('analyst');
  const lang = useLang();
  const p = feature.properties;
  const text = (key: string) => {
    const value = p[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
  const coded = <Code extends string | number>(list: readonly CodeEntry<Code>[], key: string) => {
    const value = p[key];
    return isCode(list, value) ? label(list, value, lang) : text(key);
  };
  const number = (key: string) =>
    p[key] === undefined ? '' : Number(p[key]).toLocaleString(i18n.language);

  let kind: string;
  let title = text('name');
  let rows: Row[] = [];
  let link: { to: string; label: string } | undefined;
  switch (feature.layerId) {
    case ANALYST_LAYER_IDS.sitePoint:
    case ANALYST_LAYER_IDS.siteArea:
      kind = t('card.site');
      rows = [
        ['program', [text('programCode'), text('programTitle')].filter(Boolean).join(' · ')],
        ['line', coded(programLines, 'line')],
        ['status', coded(programStatuses, 'status')],
        ['country', coded(countries, 'country')],
        ['precision', coded(geoPrecisions, 'precision')],
      ];
      link = { to: `/programs/${text('programId')}`, label: t('card.openProgram') };
      break;
    case ANALYST_LAYER_IDS.corridorLine: {
      kind = t('card.corridor');
      const list = Array.isArray(p.threats) ? (p.threats as string[]) : text('threats').split(',');
      rows = [
        ['mode', coded(corridorModes, 'mode')],
        [
          'threats',
          list
            .map((code) => (isCode(threats, code) ? label(threats, code, lang) : code))
            .join(', '),
        ],
        ['confidence', coded(confidenceLevels, 'confidence')],
      ];
      link = { to: `/corridors/${text('id')}`, label: t('card.openRecord') };
      break;
    }
    case ANALYST_LAYER_IDS.communityCircle:
      kind = t('card.community');
      rows = [
        ['country', coded(countries, 'country')],
        ['population', number('population')],
        ['homicideRate', number('homicideRate')],
      ];
      link = { to: `/communities/${text('id')}`, label: t('card.openRecord') };
      break;
    default:
      kind = t('card.hexCell');
      title = t('card.incidents', { count: Number(p.count ?? 0) });
  }

  return (
    <Paper
      className="analyst-card"
      shadow="md"
      p="sm"
      withBorder
      data-testid="summary-card"
      role="dialog"
      aria-label={title}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
            {kind}
          </Text>
          <Title order={3} size="h5">
            {title}
          </Title>
        </Stack>
        <CloseButton onClick={onClose} aria-label={t('card.close')} />
      </Group>
      <Table withRowBorders={false} verticalSpacing={2} fz="xs">
        <Table.Tbody>
          {rows
            .filter(([, value]) => value !== '')
            .map(([key, value]) => (
              <Table.Tr key={key}>
                <Table.Th>{t(`card.fields.${key}`)}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      {link && (
        <Anchor component={Link} to={link.to} size="sm" data-testid="summary-link">
          {link.label}
        </Anchor>
      )}
    </Paper>
  );
}
