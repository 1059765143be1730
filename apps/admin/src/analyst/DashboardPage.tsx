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
import { EChart, type EChartProps } from './dashboard/EChart';
import { useDashboardData } from './dashboard/use-dashboard-data';
import { FilterPanel } from './panels/FilterPanel';
import { serializeView } from './view/view-state';
import { useViewState } from './view/use-view-state';
import './analyst.css';

/** One dashboard panel: half the width on large screens (the whole width when `wide`). */
function Card({
  title,
  wide = false,
  children,
}: {
  title: string;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Grid.Col span={wide ? 12 : { base: 12, lg: 6 }}>
      <Paper withBorder p="sm" radius="md" component="section" aria-label={title}>
        <Title order={2} size="h5" mb="xs">
          {title}
        </Title>
        {children}
      </Paper>
    </Grid.Col>
  );
}

/** A panel holding one chart, which is labelled with the panel's title. */
function ChartCard({
  title,
  testId,
  option,
  height,
  wide,
  children,
}: {
  title: string;
  testId: string;
  option: EChartProps['option'];
  height?: number;
  wide?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <Card title={title} wide={wide}>
      <EChart testId={testId} label={title} option={option} height={height} />
      {children}
    </Card>
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
            <ChartCard
              title={t('dashboard.byCountry')}
              testId="chart-country"
              option={stageBars(
                breakdown.byCountry.map(({ country, totals }) => ({
                  name: countryName(country),
                  totals,
                })),
                stageNames,
                locale,
              )}
            />
            <ChartCard
              title={t('dashboard.byYear')}
              testId="chart-year"
              option={stageBars(
                breakdown.byYear.map(({ fiscalYear, totals }) => ({
                  name: t('time.fy', { year: fiscalYear }),
                  totals,
                })),
                stageNames,
                locale,
              )}
            />
            <ChartCard
              title={t('dashboard.byLine')}
              testId="chart-line"
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
            <ChartCard
              title={t('dashboard.byAccount')}
              testId="chart-account"
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
            <ChartCard
              title={t('dashboard.byGoal')}
              testId="chart-goal"
              wide
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
            >
              <Text size="xs" c="dimmed">
                {t('dashboard.goalNote')}
              </Text>
            </ChartCard>
            <ChartCard
              title={t('dashboard.perAtRisk')}
              testId="chart-per-at-risk"
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
            <ChartCard
              title={t('dashboard.precision')}
              testId="chart-precision"
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
          </Grid>
        </Grid.Col>
      </Grid>
    </div>
  );
}
