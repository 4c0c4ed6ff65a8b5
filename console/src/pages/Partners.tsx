import { Alert, Button, Group, JsonInput, Stack, Table, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

interface Partner {
  id: string;
  name: string;
  kind: string;
  connector: string;
  enabled: boolean;
}

/**
 * Partner records and transports. Secrets come back as `{ "set": true }` and are kept when
 * sent back that way: they can be replaced, never read.
 */
export function PartnersPage() {
  const t = useT();
  const [items, setItems] = useState<Partner[]>([]);
  const [editing, setEditing] = useState<{ id: string; json: string }>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const load = () => api<{ items: Partner[] }>('/partners').then((r) => setItems(r.items));
  useEffect(() => void load().catch(() => undefined), []);
  const save = async () => {
    if (!editing) return;
    try {
      await api(`/partners/${editing.id}`, { method: 'PUT', body: editing.json });
      setOutcome({ ok: true, text: t('done') });
      setEditing(undefined);
      await load();
    } catch (err) {
      setOutcome({ ok: false, text: `${t('refused')}: ${(err as Error).message}` });
    }
  };
  return (
    <Stack>
      <Title order={3}>{t('partners')}</Title>
      {outcome && <Alert color={outcome.ok ? 'green' : 'red'}>{outcome.text}</Alert>}
      {editing && (
        <Stack>
          <JsonInput
            autosize
            minRows={12}
            value={editing.json}
            onChange={(json) => setEditing({ ...editing, json })}
          />
          <Alert>{t('secretKept')}</Alert>
          <Group>
            <Button onClick={() => void save()}>{t('save')}</Button>
            <Button variant="default" onClick={() => setEditing(undefined)}>
              ✕
            </Button>
          </Group>
        </Stack>
      )}
      <Table striped highlightOnHover>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr
              key={p.id}
              style={{ cursor: 'pointer' }}
              onClick={() => setEditing({ id: p.id, json: JSON.stringify(p, null, 2) })}
            >
              <Table.Td>{p.id}</Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.kind}</Table.Td>
              <Table.Td>{p.connector}</Table.Td>
              <Table.Td>{p.enabled ? '✓' : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
