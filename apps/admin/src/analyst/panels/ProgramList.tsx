// The programs the filters and the time step keep: the list beside the map. Choosing one moves
// the map to its sites (the keyboard way to reach what a click on the map reaches).
import { label, programLines, type Program } from '@atlas/domain';
import { Anchor, Badge, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { PROGRAM_LINE_COLORS } from '../map/layer-styles';

interface ProgramListProps {
  programs: readonly Program[];
  loading: boolean;
  onShow: (program: Program) => void;
}

const SHOWN = 200;

export function ProgramList({ programs, loading, onShow }: ProgramListProps) {
  const { t } = useTranslation('analyst');
  const lang = useLang();
  return (
    <Stack gap={4} data-testid="program-list" data-count={programs.length}>
      <Text size="xs" c="dimmed" aria-live="polite">
        {loading ? t('loading') : t('programs.count', { count: programs.length })}
      </Text>
      <ScrollArea.Autosize mah={260}>
        <Stack gap={2}>
          {programs.slice(0, SHOWN).map((program) => (
            <Group key={program.id} gap={6} wrap="nowrap" justify="space-between">
              <UnstyledButton
                onClick={() => {
                  onShow(program);
                }}
                className="analyst-list-item"
              >
                <Group gap={6} wrap="nowrap">
                  <Badge
                    size="xs"
                    color={PROGRAM_LINE_COLORS[program.line]}
                    title={label(programLines, program.line, lang)}
                  >
                    {program.code}
                  </Badge>
                  <Text size="xs" lineClamp={1}>
                    {lang === 'es' ? program.titleEs : program.title}
                  </Text>
                </Group>
              </UnstyledButton>
              <Anchor
                component={Link}
                to={`/programs/${program.id}`}
                size="xs"
                aria-label={t('programs.open', { code: program.code })}
              >
                ↗
              </Anchor>
            </Group>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
