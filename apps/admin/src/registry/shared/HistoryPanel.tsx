import { auditActions, label } from '@atlas/domain';
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHistory, type HistoryEntry, type RecordBase } from '../../api/records';
import { useLang } from '../../i18n/language';
import { diffRecords } from './diff';
import { formatValue } from './format-value';
import type { RecordEditor } from './use-record-editor';

interface HistoryPanelProps<R extends RecordBase> {
  editor: RecordEditor<R>;
  canEdit: boolean;
}

/** Every version of the record, newest first: who, when, what changed; restore an old one. */
export function HistoryPanel<R extends RecordBase>({ editor, canEdit }: HistoryPanelProps<R>) {
  const { t } = useTranslation('registry');
  const lang = useLang();
  const history = useHistory(editor.collection, editor.base?.record.id);
  const [restoring, setRestoring] = useState<HistoryEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = editor.base?.version;

  if (history.isPending) return <Text c="dimmed">{t('history.loading')}</Text>;
  if (history.error) {
    return (
      <Alert color="red" role="alert">
        {history.error.message}
      </Alert>
    );
  }
  const entries = [...history.data].reverse();
  // Records imported or seeded before any edit have no audit entries yet.
  if (entries.length === 0) {
    return (
      <Text c="dimmed" data-testid="history">
        {t('history.empty')}
      </Text>
    );
  }

  async function confirmRestore(entry: HistoryEntry) {
    setError(null);
    try {
      await editor.restore(entry.version);
      setRestoring(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <>
      <Timeline bulletSize={22} lineWidth={2} data-testid="history">
        {entries.map((entry) => {
          const changes = diffRecords(entry.before, entry.after);
          const restorable = canEdit && entry.after !== null && entry.version !== current;
          return (
            <Timeline.Item
              key={entry.id}
              data-testid={`history-version-${entry.version}`}
              title={
                <Group gap="xs">
                  <Text fw={600}>{t('history.version', { version: entry.version })}</Text>
                  <Badge variant="light">{label(auditActions, entry.action, lang)}</Badge>
                  {entry.version === current && <Badge color="green">{t('history.current')}</Badge>}
                </Group>
              }
            >
              <Text size="sm" c="dimmed">
                {t('history.byWhen', {
                  who: entry.actorLabel,
                  when: new Date(entry.at).toLocaleString(lang),
                })}
              </Text>
              {changes.length > 0 && entry.action !== 'create' && (
                <Table withTableBorder mt={4} fz="sm" aria-label={t('history.changes')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('conflict.field')}</Table.Th>
                      <Table.Th>{t('history.before')}</Table.Th>
                      <Table.Th>{t('history.after')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {changes.map((change) => (
                      <Table.Tr key={change.field}>
                        <Table.Td>
                          {t(`fields.${change.field}`, { defaultValue: change.field })}
                        </Table.Td>
                        <Table.Td>{formatValue(change.field, change.before, lang)}</Table.Td>
                        <Table.Td>{formatValue(change.field, change.after, lang)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {restorable && (
                <Button
                  size="compact-sm"
                  variant="light"
                  mt={6}
                  onClick={() => {
                    setRestoring(entry);
                  }}
                >
                  {t('history.restore', { version: entry.version })}
                </Button>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
      <Modal
        opened={restoring !== null}
        onClose={() => {
          setRestoring(null);
        }}
        title={t('history.confirmTitle')}
      >
        {restoring && (
          <Stack>
            <Text>{t('history.confirmText', { version: restoring.version })}</Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  setRestoring(null);
                }}
              >
                {t('common:actions.cancel')}
              </Button>
              <Button onClick={() => void confirmRestore(restoring)}>
                {t('history.restore', { version: restoring.version })}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
