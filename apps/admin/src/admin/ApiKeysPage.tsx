import { label, roles, type ApiKey, type CountryCode } from '@atlas/domain';
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../api/admin';
import { useSession } from '../api/session';
import { useLang } from '../i18n/language';
import { PageLoader } from '../ui/PageLoader';
import { CountryScopeInput } from './CountryScopeInput';

const KEY_ROLES = ['analyst', 'coordinator'] as const;

/** API keys for services: create (the key is shown once), list, revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation('admin');
  const lang = useLang();
  const session = useSession();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState('');
  const [role, setRole] = useState<string | null>('analyst');
  const [scope, setScope] = useState<CountryCode[] | null>(null);
  const [created, setCreated] = useState<(ApiKey & { key: string }) | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  if (!session.isAdmin) {
    return (
      <Alert color="yellow" m="md" role="alert">
        {t('adminOnly')}
      </Alert>
    );
  }
  if (keys.isPending) return <PageLoader />;

  async function submit() {
    const result = await create.mutateAsync({
      name: name.trim(),
      role: (role ?? 'analyst') as (typeof KEY_ROLES)[number],
      countries: scope,
    });
    setCreated(result);
    setName('');
  }

  return (
    <Stack p="md">
      <Title order={2}>{t('keys.title')}</Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit().catch(() => undefined);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('keys.name')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
            }}
            required
            w={260}
          />
          <Select
            label={t('users.role')}
            data={KEY_ROLES.map((code) => ({ value: code, label: label(roles, code, lang) }))}
            value={role}
            onChange={setRole}
            w={180}
          />
          <CountryScopeInput value={scope} onChange={setScope} />
          <Button type="submit" loading={create.isPending} disabled={name.trim() === ''}>
            {t('keys.create')}
          </Button>
        </Group>
      </form>
      {create.error && (
        <Alert color="red" role="alert">
          {create.error.message}
        </Alert>
      )}
      <Table striped aria-label={t('keys.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('keys.name')}</Table.Th>
            <Table.Th>{t('keys.prefix')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('scope.label')}</Table.Th>
            <Table.Th>{t('keys.lastUsed')}</Table.Th>
            <Table.Th>{t('users.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.data?.map((key) => (
            <Table.Tr key={key.id}>
              <Table.Td>{key.name}</Table.Td>
              <Table.Td>
                <Code>{key.prefix}</Code>
              </Table.Td>
              <Table.Td>{label(roles, key.role, lang)}</Table.Td>
              <Table.Td>{key.countries?.join(', ') ?? t('scope.all')}</Table.Td>
              <Table.Td>
                {key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString(lang) : '—'}
              </Table.Td>
              <Table.Td>
                {key.revokedAt ? (
                  <Badge color="red">{t('keys.revoked')}</Badge>
                ) : (
                  <Badge color="green">{t('users.active')}</Badge>
                )}
              </Table.Td>
              <Table.Td>
                {!key.revokedAt && (
                  <Button
                    size="compact-sm"
                    color="red"
                    variant="light"
                    onClick={() => {
                      setRevoking(key);
                    }}
                    aria-label={t('keys.revokeNamed', { name: key.name })}
                  >
                    {t('keys.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={created !== null}
        onClose={() => {
          setCreated(null);
        }}
        title={t('keys.createdTitle')}
      >
        {created && (
          <Stack>
            <Alert color="yellow">{t('keys.shownOnce')}</Alert>
            <Code block data-testid="new-api-key">
              {created.key}
            </Code>
            <Group justify="flex-end">
              <CopyButton value={created.key}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? t('keys.copied') : t('keys.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button
                onClick={() => {
                  setCreated(null);
                }}
              >
                {t('common:actions.close')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal
        opened={revoking !== null}
        onClose={() => {
          setRevoking(null);
        }}
        title={t('keys.revokeTitle')}
      >
        {revoking && (
          <Stack>
            <Text>{t('keys.revokeText', { name: revoking.name })}</Text>
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  setRevoking(null);
                }}
              >
                {t('common:actions.cancel')}
              </Button>
              <Button
                color="red"
                loading={revoke.isPending}
                onClick={() =>
                  void revoke.mutateAsync(revoking.id).then(() => {
                    setRevoking(null);
                  })
                }
              >
                {t('keys.revoke')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
