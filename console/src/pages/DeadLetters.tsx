import { Alert, Button, Checkbox, Stack, Table, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { api, type MessageRow } from '../api';
import { useT } from '../i18n';
import { MessageTable } from './Search';

interface DeadLetter {
  id: string;
  consumer: string;
  routingKey: string;
  reason: string;
  deadAt: string;
}

/** Dead letters (requeue one or many) and outbound deliveries that failed for good. */
export function DeadLettersPage() {
  const t = useT();
  const [letters, setLetters] = useState<DeadLetter[]>([]);
  const [failed, setFailed] = useState<MessageRow[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const load = useCallback(async () => {
    setLetters((await api<{ items: DeadLetter[] }>('/dead-letters?state=open')).items);
    setFailed((await api<{ items: MessageRow[] }>('/messages?state=delivery-failed')).items);
  }, []);
  useEffect(() => void load().catch(() => undefined), [load]);
  const requeue = async (ids: string[]) => {
    try {
      for (const id of ids) await api(`/dead-letters/${id}/requeue`, { method: 'POST' });
      setOutcome({ ok: true, text: `${t('done')}: ${ids.length}` });
      setSelected(new Set());
      await load();
    } catch (err) {
      setOutcome({ ok: false, text: `${t('refused')}: ${(err as Error).message}` });
    }
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
  };
  return (
    <Stack>
      <Title order={3}>{t('deadLetters')}</Title>
      {outcome && <Alert color={outcome.ok ? 'green' : 'red'}>{outcome.text}</Alert>}
      <Button w={220} disabled={selected.size === 0} onClick={() => void requeue([...selected])}>
        {t('requeueSelected')}
      </Button>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t('at')}</Table.Th>
            <Table.Th>{t('consumer')}</Table.Th>
            <Table.Th>{t('reason')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {letters.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Checkbox checked={selected.has(d.id)} onChange={() => toggle(d.id)} />
              </Table.Td>
              <Table.Td>{d.deadAt}</Table.Td>
              <Table.Td>{d.consumer}</Table.Td>
              <Table.Td>{d.reason}</Table.Td>
              <Table.Td>
                <Button size="compact-xs" onClick={() => void requeue([d.id])}>
                  {t('requeue')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3}>{t('failedDeliveries')}</Title>
      <MessageTable items={failed} />
    </Stack>
  );
}
