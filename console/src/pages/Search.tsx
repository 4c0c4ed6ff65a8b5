import { Alert, Badge, Button, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, type MessageRow } from '../api';
import { useT } from '../i18n';
import { navigate } from '../router';

const FIELDS = ['ref', 'partnerId', 'messageType', 'state', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];

/** Search by any trade reference, partner, type, state and time (ISO 8601 with zone). */
export function SearchPage(props: { query: URLSearchParams }) {
  const t = useT();
  const [form, setForm] = useState<Record<Field, string>>(
    () =>
      Object.fromEntries(FIELDS.map((f) => [f, props.query.get(f) ?? ''])) as Record<Field, string>,
  );
  const [items, setItems] = useState<MessageRow[]>();
  const [error, setError] = useState<string>();
  const labels: Record<Field, string> = {
    ref: t('reference'),
    partnerId: t('partner'),
    messageType: t('type'),
    state: t('state'),
    from: `${t('from')} (2026-01-01T00:00:00Z)`,
    to: t('to'),
  };
  const find = async () => {
    const params = new URLSearchParams(Object.entries(form).filter(([, v]) => v.trim()));
    try {
      setError(undefined);
      setItems((await api<{ items: MessageRow[] }>(`/messages?${params}`)).items);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <Stack>
      <Title order={3}>{t('search')}</Title>
      <form onSubmit={(e) => (e.preventDefault(), void find())}>
        <Group align="end">
          {FIELDS.map((f) => (
            <TextInput
              key={f}
              name={f}
              label={labels[f]}
              value={form[f]}
              w={f === 'ref' ? 360 : 170}
              onChange={(e) => setForm({ ...form, [f]: e.currentTarget.value })}
            />
          ))}
          <Button type="submit">{t('find')}</Button>
          {form.ref && (
            <Button
              variant="light"
              onClick={() => navigate(`/trades/${encodeURIComponent(form.ref.trim())}`)}
            >
              {t('trade')}
            </Button>
          )}
        </Group>
      </form>
      {error && <Alert color="red">{error}</Alert>}
      {items && items.length === 0 && <Alert>{t('noResults')}</Alert>}
      {items && items.length > 0 && <MessageTable items={items} />}
    </Stack>
  );
}

export function MessageTable(props: { items: MessageRow[] }) {
  const t = useT();
  return (
    <Table striped highlightOnHover data-testid="results">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('received')}</Table.Th>
          <Table.Th>{t('direction')}</Table.Th>
          <Table.Th>{t('partner')}</Table.Th>
          <Table.Th>{t('type')}</Table.Th>
          <Table.Th>{t('state')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((m) => (
          <Table.Tr
            key={m.id}
            style={{ cursor: 'pointer' }}
            onClick={() => navigate(`/messages/${m.id}`)}
          >
            <Table.Td>{m.receivedAt}</Table.Td>
            <Table.Td>{m.direction}</Table.Td>
            <Table.Td>{m.partnerId}</Table.Td>
            <Table.Td>{m.messageType ?? m.format}</Table.Td>
            <Table.Td>
              <StateBadge state={m.state} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function StateBadge(props: { state: string }) {
  const color = /fail|reject/.test(props.state)
    ? 'red'
    : props.state === 'processed'
      ? 'green'
      : 'blue';
  return <Badge color={color}>{props.state}</Badge>;
}
