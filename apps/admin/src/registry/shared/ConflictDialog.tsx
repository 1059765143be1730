import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHistory, type RecordBase } from '../../api/records';
import { useLang } from '../../i18n/language';
import { changedFields, diffRecords } from './diff';
import { formatValue } from './format-value';
import type { RecordEditor } from './use-record-editor';

interface ConflictDialogProps<R extends RecordBase> {
  editor: RecordEditor<R>;
  toInput: (record: R) => object;
}

/**
 * A save met 412: someone changed the record since the user opened it. Shows what changed on
 * the server and what the user changed, and lets them take the server's version or re-apply
 * their own changes on top of it. Closing keeps their edits in the form (nothing is lost).
 */
export function ConflictDialog<R extends RecordBase>({ editor, toInput }: ConflictDialogProps<R>) {
  const { t } = useTranslation('registry');
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { conflict, base } = editor;
  const history = useHistory(editor.collection, conflict ? base?.record.id : undefined);
  if (!conflict || !base) return null;
  const latest = history.data?.at(-1);

  const server = conflict.server.record as unknown as Record<string, unknown>;
  const theirs = diffRecords(base.record as unknown as Record<string, unknown>, server);
  const mine = changedFields(toInput(base.record), conflict.mine) as Record<string, unknown>;
  const overlapping = new Set(
    theirs.map((change) => change.field).filter((field) => field in mine),
  );

  async function reapply() {
    setBusy(true);
    setError(null);
    try {
      await editor.reapply();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={editor.dismissConflict}
      title={t('conflict.title')}
      size="xl"
      data-testid="conflict-dialog"
    >
      <Stack>
        <Text>
          {t('conflict.explain', {
            version: base.version,
            serverVersion: conflict.server.version,
            who: latest?.actorLabel ?? '…',
            when: new Date(String(server.updatedAt)).toLocaleString(lang),
          })}
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Table striped withTableBorder aria-label={t('conflict.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('conflict.field')}</Table.Th>
              <Table.Th>{t('conflict.yourStart')}</Table.Th>
              <Table.Th>{t('conflict.server')}</Table.Th>
              <Table.Th>{t('conflict.yours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {theirs.map((change) => (
              <Table.Tr key={change.field} data-testid={`conflict-row-${change.field}`}>
                <Table.Td fw={600}>
                  {t(`fields.${change.field}`, { defaultValue: change.field })}
                  {overlapping.has(change.field) && (
                    <Text span c="red" size="xs">
                      {' '}
                      ({t('conflict.both')})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{formatValue(change.field, change.before, lang)}</Table.Td>
                <Table.Td>{formatValue(change.field, change.after, lang)}</Table.Td>
                <Table.Td>
                  {change.field in mine ? formatValue(change.field, mine[change.field], lang) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          {t('conflict.yourChanges', {
            fields:
              Object.keys(mine)
                .map((field) => t(`fields.${field}`, { defaultValue: field }))
                .join(', ') || '—',
          })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={editor.dismissConflict}>
            {t('conflict.keepEditing')}
          </Button>
          <Button
            variant="light"
            color="gray"
            onClick={() => {
              editor.reload();
            }}
          >
            {t('conflict.reload')}
          </Button>
          <Button color="orange" loading={busy} onClick={() => void reapply()}>
            {t('conflict.reapply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
