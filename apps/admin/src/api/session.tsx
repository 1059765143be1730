// Who is signed in: the session behind the atlas_session cookie, read from GET /auth/me once and
// shared through context. Sign in and out go through here so the CSRF token and every cached
// query follow the session.
import type { CountryCode, User, UserRole } from '@atlas/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { ApiError, apiJson, setCsrfToken, setUnauthorizedHandler } from './client';

interface MeResponse {
  principal: { kind: string; role: UserRole | null; countries: CountryCode[] | null };
  user: User | null;
  csrfToken: string | null;
}

export interface Session {
  /** The signed-in person, or null (signed out, or still loading: see `status`). */
  user: User | null;
  role: UserRole | null;
  /** The country scope: null means every country. */
  countries: CountryCode[] | null;
  csrfToken: string | null;
  status: 'loading' | 'signed-in' | 'signed-out';
  /** Admins and coordinators change records; analysts only read. */
  canEdit: boolean;
  isAdmin: boolean;
  /** Whether the user may change a record concerning these countries (country scope). */
  canEditCountries: (countries: readonly (CountryCode | null | undefined)[]) => boolean;
  /** Signs in and answers the user (their language is restored by the caller). */
  signIn: (email: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
}

const sessionQueryKey = ['session'] as const;
const SessionContext = createContext<Session | null>(null);

const signedOut: MeResponse = {
  principal: { kind: 'anonymous', role: null, countries: null },
  user: null,
  csrfToken: null,
};

/** The API answers 401 to /auth/me without a (valid) session: that is "signed out", not a fault. */
async function fetchMe(signal?: AbortSignal): Promise<MeResponse> {
  try {
    return (await apiJson<MeResponse>('/auth/me', { signal })).data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signedOut;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: Infinity,
    retry: 1,
  });

  const user = me.data?.user ?? null;
  const csrfToken = me.data?.csrfToken ?? null;
  useEffect(() => {
    setCsrfToken(csrfToken);
  }, [csrfToken]);

  const forget = useCallback(() => {
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    queryClient.setQueryData<MeResponse>(sessionQueryKey, signedOut);
  }, [queryClient]);

  // A 401 from any call means the session ended (expired, or signed out in another tab).
  useEffect(() => {
    setUnauthorizedHandler(user ? forget : undefined);
    return () => {
      setUnauthorizedHandler(undefined);
    };
  }, [user, forget]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { data } = await apiJson<{ user: User; csrfToken: string }>('/auth/login', {
        method: 'POST',
        json: { email, password },
      });
      setCsrfToken(data.csrfToken);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
      queryClient.setQueryData<MeResponse>(sessionQueryKey, {
        principal: { kind: 'user', role: data.user.role, countries: data.user.countries },
        user: data.user,
        csrfToken: data.csrfToken,
      });
      return data.user;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await apiJson('/auth/logout', { method: 'POST' });
    } finally {
      forget();
    }
  }, [forget]);

  const session = useMemo<Session>(() => {
    const role = user?.role ?? null;
    const countries = user?.countries ?? null;
    const canEdit = role === 'admin' || role === 'coordinator';
    return {
      user,
      role,
      countries,
      csrfToken,
      status: me.isPending ? 'loading' : user ? 'signed-in' : 'signed-out',
      canEdit,
      isAdmin: role === 'admin',
      canEditCountries: (wanted) =>
        canEdit &&
        (countries === null ||
          wanted.every((code) => code !== null && code !== undefined && countries.includes(code))),
      signIn,
      signOut,
    };
  }, [user, csrfToken, me.isPending, signIn, signOut]);

  return <SessionContext value={session}>{children}</SessionContext>;
}

/** The current session: `{ user, role, countries, csrfToken, … }`. Use inside SessionProvider. */
export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it');
  return session;
}
