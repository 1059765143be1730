import { Center, Loader } from '@mantine/core';
import { Navigate } from 'react-router';
import { useSession, type Session } from '../api/session';
import { PublicMapPage } from './PublicMapPage';

/** Where a signed-in user starts: editors at the program registry, analysts at the map. */
export function homePathFor(session: Pick<Session, 'canEdit'>): string {
  return session.canEdit ? '/programs' : '/map';
}

/** `/`: the public map for visitors, the user's start page once signed in. */
export function HomeRedirect() {
  const session = useSession();
  if (session.status === 'loading') {
    return (
      <Center h="100%">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (session.status === 'signed-out') return <PublicMapPage />;
  return <Navigate to={homePathFor(session)} replace />;
}
