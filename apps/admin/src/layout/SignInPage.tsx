import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useSession } from '../api/session';
import { restoreUserLanguage } from '../i18n/language';
import { homePathFor } from './HomeRedirect';
import { LanguageSwitch } from './LanguageSwitch';
import type { SIGN_OUT_STATE } from './sign-out';

/** Only paths inside the app are followed after sign-in (never another site). */
function safeNext(next: string | null): string | undefined {
  return next?.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

/**
 * Signing out happens here, after the signed-in pages are left: ending the session while they
 * are still shown would make RequireSession send the user to `/sign-in?next=…` first.
 */
function useSignOutOnArrival(): boolean {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const started = useRef(false); // StrictMode runs effects twice: sign out once.
  const wanted = (location.state as typeof SIGN_OUT_STATE | null)?.signOut === true;
  const { signOut } = session;
  useEffect(() => {
    if (!wanted || started.current) return;
    started.current = true;
    // The session is forgotten locally even when the API call fails; then drop the state so a
    // reload or the back button does not sign out again.
    void signOut()
      .catch(() => undefined)
      .finally(() => void navigate('/sign-in', { replace: true }));
  }, [wanted, signOut, navigate]);
  return wanted && session.status === 'signed-in';
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const signingOut = useSignOutOnArrival();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (signingOut) {
    return (
      <Center h="100%">
        <Loader aria-label={t('signOut')} />
      </Center>
    );
  }
  if (session.status === 'signed-in') {
    return <Navigate to={safeNext(params.get('next')) ?? homePathFor(session)} replace />;
  }

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await session.signIn(email.trim().toLowerCase(), password);
      await restoreUserLanguage(user.id);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) setError(t('signIn.wrong'));
      else if (caught instanceof ApiError && caught.status === 429) setError(t('signIn.tooMany'));
      else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center className="atlas-sign-in" h="100%">
      <Paper component="main" withBorder shadow="md" p="xl" radius="md" w={380}>
        <form onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h3" id="sign-in-title">
                {t('signIn.title')}
              </Title>
              <LanguageSwitch />
            </Group>
            {error && (
              <Alert color="red" role="alert" data-testid="sign-in-error">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
              }}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
              }}
            />
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
            <Anchor component={Link} to="/" size="sm" ta="center">
              {t('signIn.publicMap')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
