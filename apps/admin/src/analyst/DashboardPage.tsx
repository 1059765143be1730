// The analysts' dashboard: funding by country, line, goal, account and year (committed vs
// obligated vs disbursed), funding per at-risk inhabitant against the homicide rate, the top
// coverage gaps and the data's quality. It reads the same filters (and URL) as the map.
import {
  agencies,
  countries,
  fundingAccounts,
  fundingStages,
  geoPrecisions,
  goals,
  isCode,
  label,
  programLines,
  type CodeEntry,
} from '@atlas/domain';
import { Alert, Anchor, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiJson } from '../api/client';
import { useLang } from '../i18n/language';
import { useFeatures } from './data/features';
import { usePrograms } from './data/programs';
import {
  communityFiguresByCountry,
  fundingBreakdown,
  programsWithoutSites,
  type StageTotals,
} from './dashboard/aggregate';
import { scatter, simpleBars, stageBars } from './dashboard/charts';
import { EChart } from './dashboard/EChart';
import { FilterPanel } from './panels/FilterPanel';
import { serializeView } from './view/view-state';
import { useViewState } from './view/use-view-state';
import './analyst.css';

interface GapsAnswer {
  gaps: { features: { properties: { name: string; country: string; need: number } }[] };
}

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function DashboardPage() {
  const { t, i18n } = useTranslation('analyst');
  const lang = useLang();
  const locale = i18n.language;
  const [view, update] = useViewState();
  const programs = usePrograms(view.filters);
  const sites = useFeatures('sites', true);
  const communities = useFeatures('communities', true);
  const gaps = useQuery({
    queryKey: ['analyst', 'coverage-gaps', view.filters.country[0] ?? null],
    queryFn: async ({ signal }) =>
      (
        await apiJson<GapsAnswer>(
          `/analysis/coverage-gaps?limit=10${view.filters.country.length === 1 ? `&country=${view.filters.country[0]}` : ''}`,
          { signal },
        )
      ).data,
    retry: false,
  });

  const funding = useMemo(() => fundingBreakdown(programs.data ?? []), [programs.data]);
  const stageNames = Object.fromEntries(
    fundingStages.map(({ code }) => [code, label(fundingStages, code, lang)]),
  ) as Record<keyof StageTotals, string>;
  const rows = (map: Map<string, StageTotals>, list: readonly CodeEntry[]) =>
    [...map]
      .map(([code, totals]) => {
        const typed = list.find((entry) => String(entry.code) === code);
        return { name: typed ? label(list, typed.code, lang) : code, totals };
      })
      .sort((a, b) => b.totals.committed - a.totals.committed);

  const perAtRisk = useMemo(() => {
    const figures = communityFiguresByCountry(
      (communities.data?.features ?? []).map((f) => ({
        country: String(f.properties.country),
        population: Number(f.properties.population),
        homicideRate: Number(f.properties.homicideRate),
      })),
    );
    return [...funding.byCountry].flatMap(([code, totals]) => {
      const community = figures.get(code);
      if (!community || community.population === 0) return [];
      const name = isCode(countries, code) ? label(countries, code, lang) : code;
      return [{ name, x: community.homicideRate, y: totals.committed / community.population }];
    });
  }, [communities.data, funding.byCountry, lang]);

  const quality = useMemo(() => {
    const ids = new Set((sites.data?.features ?? []).map((f) => String(f.properties.programId)));
    const precision = new Map<number, number>();
    for (const site of sites.data?.features ?? []) {
      const code = Number(site.properties.precision);
      precision.set(code, (precision.get(code) ?? 0) + 1);
    }
    return {
      withoutSites: sites.data ? programsWithoutSites(programs.data ?? [], ids) : [],
      byPrecision: [...precision]
        .sort((a, b) => a[0] - b[0])
        .map(([code, value]) => ({
          name: isCode(geoPrecisions, code)
            ? `${code} · ${label(geoPrecisions, code, lang)}`
            : String(code),
          value,
        })),
    };
  }, [sites.data, programs.data, lang]);

  const money = (value: number) =>
    `US$ ${value.toLocaleString(locale, { maximumFractionDigits: 0 })}`;

  return (
    <div
      className="analyst-dashboard"
      data-testid="dashboard-page"
      data-programs={programs.data?.length ?? ''}
    >
      <Group justify="space-between" mb="sm">
        <Title order={1} size="h3">
          {t('dashboard.title')}
        </Title>
        <Anchor component={Link} to={`/map?${serializeView(view)}`}>
          {t('dashboard.openMap')}
        </Anchor>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder p="sm" radius="md">
            <FilterPanel
              filters={view.filters}
              onChange={(filters) => {
                update({ filters });
              }}
            />
          </Paper>
          <Stack gap={2} mt="sm" data-testid="dashboard-totals">
            <Text size="sm">{t('dashboard.programs', { count: programs.data?.length ?? 0 })}</Text>
            {fundingStages.map(({ code }) => (
              <Text size="sm" key={code}>
                {stageNames[code]}: <b>{money(funding.total[code])}</b>
              </Text>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {programs.error && <Alert color="red">{programs.error.message}</Alert>}
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card title={t('dashboard.byCountry')}>
                <EChart
                  testId="chart-country"
                  label={t('dashboard.byCountry')}
                  option={stageBars(rows(funding.byCountry, countries), stageNames, locale)}
                />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card title={t('dashboard.byYear')}>
                <EChart
                  testId="chart-year"
                  label={t('dashboard.byYear')}
                  option={stageBars(
                    [...funding.byYear].sort().map(([name, totals]) => ({ name, totals })),
                    stageNames,
                    locale,
                  )}
                />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Card title={t('dashboard.byLine')}>
                <EChart
                  testId="chart-line"
                  label={t('dashboard.byLine')}
                  option={stageBars(rows(funding.byLine, programLines), stageNames, locale, true)}
                />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Card title={t('dashboard.byGoal')}>
                <EChart
                  testId="chart-goal"
                  label={t('dashboard.byGoal')}
                  option={stageBars(rows(funding.byGoal, goals), stageNames, locale, true)}
                />
                <Text size="xs" c="dimmed">
                  {t('dashboard.goalNote')}
                </Text>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Card title={t('dashboard.byAccount')}>
                <EChart
                  testId="chart-account"
                  label={t('dashboard.byAccount')}
                  option={stageBars(
                    rows(funding.byAccount, fundingAccounts),
                    stageNames,
                    locale,
                    true,
                  )}
                />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card title={t('dashboard.perAtRisk')}>
                <EChart
                  testId="chart-per-at-risk"
                  label={t('dashboard.perAtRisk')}
                  option={scatter(
                    perAtRisk,
                    t('dashboard.homicideRate'),
                    t('dashboard.perInhabitant'),
                    locale,
                  )}
                />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card title={t('dashboard.gaps')}>
                {gaps.error ? (
                  <Text size="sm" c="dimmed">
                    {t('dashboard.gapsUnavailable')}
                  </Text>
                ) : (
                  <EChart
                    testId="chart-gaps"
                    label={t('dashboard.gaps')}
                    option={simpleBars(
                      (gaps.data?.gaps.features ?? []).map(({ properties }) => ({
                        name: `${properties.name} (${properties.country})`,
                        value: properties.need,
                      })),
                      '#dc2626',
                      locale,
                    )}
                  />
                )}
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card title={t('dashboard.precision')}>
                <EChart
                  testId="chart-precision"
                  label={t('dashboard.precision')}
                  option={simpleBars(quality.byPrecision, '#475569', locale)}
                />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card title={t('dashboard.withoutSites', { count: quality.withoutSites.length })}>
                <List size="sm" data-testid="programs-without-sites">
                  {quality.withoutSites.slice(0, 20).map((program) => (
                    <List.Item key={program.id}>
                      <Anchor component={Link} to={`/programs/${program.id}`}>
                        {program.code}
                      </Anchor>{' '}
                      {lang === 'es' ? program.titleEs : program.title} ·{' '}
                      {label(agencies, program.agency, lang)}
                    </List.Item>
                  ))}
                </List>
              </Card>
            </Grid.Col>
          </Grid>
        </Grid.Col>
      </Grid>
    </div>
  );
}
