import { Alert, Stack, Table, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

interface Entry {
  id: string;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string;
}

/** Who changed what and when (operators and admins). */
export function AuditPage() {
  const t = useT();
  const [items, setItems] = useState<Entry[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<{ items: Entry[] }>('/audit').then(
      (r) => setItems(r.items),
      (e: Error) => setError(e.message),
    );
  }, []);
  return (
    <Stack>
      <Title order={3}>{t('audit')}</Title>
      {error && <Alert color="red">{error}</Alert>}
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {(['at', 'who', 'action', 'target'] as const).map((k) => (
              <Table.Th key={k}>{t(k)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.at}</Table.Td>
              <Table.Td>
                {e.actor} ({e.role})
              </Table.Td>
              <Table.Td>{e.action}</Table.Td>
              <Table.Td>{e.target}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
