// Every page of the app. Signed-out visitors get the public map and the sign-in page; the rest
// sits behind RequireSession inside the app layout. Feature pages are loaded lazily so the
// sign-in page does not wait for the editors, the map or the charts.
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { HomeRedirect } from './layout/HomeRedirect';
import { NotFoundPage } from './layout/NotFoundPage';
import { RequireSession } from './layout/RequireSession';
import { SignInPage } from './layout/SignInPage';

const lazyPage =
  <Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) =>
  async () => ({ Component: (await load())[name] });

const signedIn: RouteObject[] = [
  { path: 'map', lazy: lazyPage(() => import('./analyst/AnalystMapPage'), 'AnalystMapPage') },
  { path: 'dashboard', lazy: lazyPage(() => import('./analyst/DashboardPage'), 'DashboardPage') },
  { path: 'import', lazy: lazyPage(() => import('./import/ImportPage'), 'ImportPage') },
  {
    path: 'programs',
    children: [
      {
        index: true,
        lazy: lazyPage(() => import('./registry/programs/ProgramsPage'), 'ProgramsPage'),
      },
      {
        path: 'new',
        lazy: lazyPage(() => import('./registry/programs/ProgramEditPage'), 'ProgramEditPage'),
      },
      {
        path: ':id',
        lazy: lazyPage(() => import('./registry/programs/ProgramEditPage'), 'ProgramEditPage'),
      },
    ],
  },
  {
    path: 'corridors',
    children: [
      {
        index: true,
        lazy: lazyPage(() => import('./registry/corridors/CorridorsPage'), 'CorridorsPage'),
      },
      {
        path: 'new',
        lazy: lazyPage(() => import('./registry/corridors/CorridorEditPage'), 'CorridorEditPage'),
      },
      {
        path: ':id',
        lazy: lazyPage(() => import('./registry/corridors/CorridorEditPage'), 'CorridorEditPage'),
      },
    ],
  },
  {
    path: 'communities',
    children: [
      {
        index: true,
        lazy: lazyPage(() => import('./registry/communities/CommunitiesPage'), 'CommunitiesPage'),
      },
      {
        path: 'new',
        lazy: lazyPage(
          () => import('./registry/communities/CommunityEditPage'),
          'CommunityEditPage',
        ),
      },
      {
        path: ':id',
        lazy: lazyPage(
          () => import('./registry/communities/CommunityEditPage'),
          'CommunityEditPage',
        ),
      },
    ],
  },
  {
    path: 'incidents',
    children: [
      {
        index: true,
        lazy: lazyPage(() => import('./registry/incidents/IncidentsPage'), 'IncidentsPage'),
      },
      {
        path: 'new',
        lazy: lazyPage(() => import('./registry/incidents/IncidentEditPage'), 'IncidentEditPage'),
      },
      {
        path: ':id',
        lazy: lazyPage(() => import('./registry/incidents/IncidentEditPage'), 'IncidentEditPage'),
      },
    ],
  },
  { path: 'admin/users', lazy: lazyPage(() => import('./admin/UsersPage'), 'UsersPage') },
  { path: 'admin/api-keys', lazy: lazyPage(() => import('./admin/ApiKeysPage'), 'ApiKeysPage') },
];

export const routes: RouteObject[] = [
  { path: '/', Component: HomeRedirect },
  { path: '/sign-in', Component: SignInPage },
  {
    Component: RequireSession,
    children: [{ Component: AppLayout, children: signedIn }],
  },
  { path: '*', Component: NotFoundPage },
];

export const router = createBrowserRouter(routes);
