import {
  AppShell,
  Badge,
  Burger,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { label } from '@atlas/domain';
import { roles } from '@atlas/domain';
import { MapProvider } from '@vis.gl/react-maplibre';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/session';
import { useLang } from '../i18n/language';
import { PageLoader } from '../ui/PageLoader';
import { LanguageSwitch } from './LanguageSwitch';
import { navSections } from './navigation';
import { UserMenu } from './UserMenu';

/** The signed-in frame: header, side navigation by role, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const lang = useLang();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();

  return (
    <MapProvider>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={0}
      >
        <AppShell.Header className="atlas-app-header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                color="white"
                aria-label={t('nav.toggle')}
              />
              <Title order={1} size="h4" c="white">
                <Link to="/" className="atlas-home-link">
                  CARSI Atlas
                </Link>
              </Title>
              {session.role && (
                <Badge variant="light" color="gray" data-testid="role-badge">
                  {label(roles, session.role, lang)}
                  {session.countries && ` · ${session.countries.join(', ')}`}
                </Badge>
              )}
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
          <ScrollArea>
            <Stack gap="md">
              {navSections.map((section) => {
                const items = section.items.filter((item) => item.visible?.(session) ?? true);
                if (items.length === 0) return null;
                return (
                  <nav key={section.labelKey} aria-label={t(section.labelKey)}>
                    <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
                      {t(section.labelKey)}
                    </Text>
                    {items.map((item) => (
                      <NavLink
                        key={item.to}
                        component={RouterNavLink}
                        to={item.to}
                        label={t(item.labelKey)}
                        active={location.pathname.startsWith(item.to)}
                        onClick={close}
                      />
                    ))}
                  </nav>
                );
              })}
            </Stack>
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main className="atlas-page-main">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </MapProvider>
  );
}
