// The analysts' dashboard: funding by country, line, goal, account and year (committed vs
// obligated vs disbursed), funding per at-risk inhabitant against the homicide rate, the top
// coverage gaps and the data's quality. It reads the same filters (and URL) as the map; the
// figures come from useDashboardData, the charts' options from dashboard/charts.
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
} from '@atlas/domain';
import { Alert, Anchor, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLang } from '../i18n/language';
import type { StageTotals } from './dashboard/aggregate';
import { scatter, simpleBars, stageBars } from './dashboard/charts';
import { EChart } from './dashboard/EChart';
import { useDashboardData } from './dashboard/use-dashboard-data';
import { FilterPanel } from './panels/FilterPanel';
import { serializeView } from './view/view-state';
import { useViewState } from './view/use-view-state';
import './analyst.css';

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
  const { programs, fundingReady, fundingError, breakdown, perAtRisk, quality, gaps } =
    useDashboardData(view.filters);

  const stageNames = Object.fromEntries(
    fundingStages.map(({ code }) => [code, label(fundingStages, code, lang)]),
  ) as Record<keyof StageTotals, string>;
  const countryName = (code: string) =>
    isCode(countries, code) ? label(countries, code, lang) : code;
  const money = (value: number) =>
    `US$ ${value.toLocaleString(locale, { maximumFractionDigits: 0 })}`;
  const error = programs.error ?? fundingError;

  return (
    <div
      className="analyst-dashboard"
      data-testid="dashboard-page"
      data-programs={programs.data?.length ?? ''}
      data-funding-ready={fundingReady}
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
              <Text
                size="sm"
                key={code}
                data-testid={`total-${code}`}
                data-value={breakdown.total[code]}
              >
                {stageNames[code]}: <b>{money(breakdown.total[code])}</b>
              </Text>
            ))}
            {(view.filters.country.length > 0 ||
              view.filters.fyFrom !== null ||
              view.filters.fyTo !== null) && (
              <Text size="xs" c="dimmed">
                {t('dashboard.scopeNote')}
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {error && <Alert color="red">{error.message}</Alert>}
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card title={t('dashboard.byCountry')}>
                <EChart
                  testId="chart-country"
                  label={t('dashboard.byCountry')}
                  option={stageBars(
                    breakdown.byCountry.map(({ country, totals }) => ({
                      name: countryName(country),
                      totals,
                    })),
                    stageNames,
                    locale,
                  )}
                />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card title={t('dashboard.byYear')}>
                <EChart
                  testId="chart-year"
                  label={t('dashboard.byYear')}
                  option={stageBars(
                    breakdown.byYear.map(({ fiscalYear, totals }) => ({
                      name: t('time.fy', { year: fiscalYear }),
                      totals,
                    })),
                    stageNames,
                    locale,
                  )}
                />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card title={t('dashboard.byLine')}>
                <EChart
                  testId="chart-line"
                  label={t('dashboard.byLine')}
                  option={stageBars(
                    breakdown.byLine.map(({ line, totals }) => ({
                      name: label(programLines, line, lang),
                      totals,
                    })),
                    stageNames,
                    locale,
                    { horizontal: true, labelWidth: 130 },
                  )}
                />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card title={t('dashboard.byAccount')}>
                <EChart
                  testId="chart-account"
                  label={t('dashboard.byAccount')}
                  option={stageBars(
                    breakdown.byAccount.map(({ account, totals }) => ({
                      name: account,
                      fullName: isCode(fundingAccounts, account)
                        ? `${account} · ${label(fundingAccounts, account, lang)}`
                        : account,
                      totals,
                    })),
                    stageNames,
                    locale,
                    { horizontal: true, labelWidth: 60 },
                  )}
                />
              </Card>
            </Grid.Col>
            <Grid.Col span={12}>
              <Card title={t('dashboard.byGoal')}>
                <EChart
                  testId="chart-goal"
                  label={t('dashboard.byGoal')}
                  height={340}
                  option={stageBars(
                    breakdown.byGoal.map(({ goal, totals }) => ({
                      name: `${goal} · ${label(goals, goal, lang)}`,
                      totals,
                    })),
                    stageNames,
                    locale,
                    { horizontal: true, labelWidth: 340 },
                  )}
                />
                <Text size="xs" c="dimmed">
                  {t('dashboard.goalNote')}
                </Text>
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Card title={t('dashboard.perAtRisk')}>
                <EChart
                  testId="chart-per-at-risk"
                  label={t('dashboard.perAtRisk')}
                  option={scatter(
                    perAtRisk.map((point) => ({
                      name: countryName(point.country),
                      x: point.homicideRate,
                      y: point.committedPerInhabitant,
                    })),
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
                        fullName: `${properties.name} · ${countryName(properties.country)}`,
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
                  option={simpleBars(
                    quality.byPrecision.map(([code, value]) => ({
                      name: isCode(geoPrecisions, code)
                        ? `${code} · ${label(geoPrecisions, code, lang)}`
                        : String(code),
                      value,
                    })),
                    '#475569',
                    locale,
                  )}
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
