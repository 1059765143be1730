import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useSession } from '../api/session';
import { restoreUserLanguage } from '../i18n/language';
import { homePathFor } from './HomeRedirect';
import { LanguageSwitch } from './LanguageSwitch';

/** Only paths inside the app are followed after sign-in (never another site). */
function safeNext(next: string | null): string | undefined {
  return next?.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
