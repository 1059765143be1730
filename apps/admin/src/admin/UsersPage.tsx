import { label, roles, type User } from '@atlas/domain';
import { Alert, Badge, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../api/admin';
import { useSession } from '../api/session';
import { useLang } from '../i18n/language';
import { PageLoader } from '../ui/PageLoader';
import { UserFormModal } from './UserFormModal';

/** Administrators manage who may sign in, their role and their country scope. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const lang = useLang();
  const session = useSession();
  const users = useUsers();
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  if (!session.isAdmin) {
    return (
      <Alert color="yellow" m="md" role="alert">
        {t('adminOnly')}
      </Alert>
    );
  }
  if (users.isPending) return <PageLoader />;

  return (
    <Stack p="md">
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button
          onClick={() => {
            setEditing('new');
          }}
        >
          {t('users.new')}
        </Button>
      </Group>
      {users.error && (
        <Alert color="red" role="alert">
          {users.error.message}
        </Alert>
      )}
      <Table striped aria-label={t('users.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.name')}</Table.Th>
            <Table.Th>{t('users.email')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('scope.label')}</Table.Th>
            <Table.Th>{t('users.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data?.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.name}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{label(roles, user.role, lang)}</Table.Td>
              <Table.Td>{user.countries?.join(', ') ?? t('scope.all')}</Table.Td>
              <Table.Td>
                {user.disabledAt ? (
                  <Badge color="red">{t('users.disabled')}</Badge>
                ) : (
                  <Badge color="green">{t('users.active')}</Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => {
                    setEditing(user);
                  }}
                  aria-label={t('users.editNamed', { name: user.name })}
                >
                  {t('common:actions.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <UserFormModal
          user={editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </Stack>
  );
}
