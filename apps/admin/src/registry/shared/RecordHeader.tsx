import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecordBase } from '../../api/records';
import type { RecordEditor } from './use-record-editor';

interface RecordHeaderProps<R extends RecordBase> {
  editor: RecordEditor<R>;
  title: ReactNode;
  listPath: string;
  canEdit: boolean;
}

/** The editor's title line: back to the list, version, deleted state, delete and undelete. */
export function RecordHeader<R extends RecordBase>({
  editor,
  title,
  listPath,
  canEdit,
}: RecordHeaderProps<R>) {
  const { t } = useTranslation('registry');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const record = editor.base?.record;
  const deleted = record?.deletedAt != null;

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
      setConfirming(false);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <Stack gap="xs" mb="md">
      <Anchor component={Link} to={listPath} size="sm">
        ← {t('common:actions.back')}
      </Anchor>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm">
          <Title order={2} size="h3" data-testid="record-title">
            {title}
          </Title>
          {editor.base && (
            <Badge variant="outline" data-testid="record-version">
              {t('record.version', { version: editor.base.version })}
            </Badge>
          )}
          {deleted && (
            <Badge color="red" data-testid="deleted-badge">
              {t('record.deleted')}
            </Badge>
          )}
          {!canEdit && editor.base && <Badge color="gray">{t('record.readOnly')}</Badge>}
        </Group>
        {canEdit && record && (
          <Group gap="xs">
            {deleted ? (
              <Button variant="light" onClick={() => void run(editor.undelete)}>
                {t('record.undelete')}
              </Button>
            ) : (
              <Button
                variant="light"
                color="red"
                onClick={() => {
                  setConfirming(true);
                }}
              >
                {t('common:actions.delete')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {error && !confirming && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Modal
        opened={confirming}
        onClose={() => {
          setConfirming(false);
        }}
        title={t('record.confirmDelete')}
      >
        <Stack>
          <Text>{t('record.confirmDeleteText')}</Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t('common:actions.cancel')}
            </Button>
            <Button color="red" onClick={() => void run(editor.remove)}>
              {t('common:actions.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
