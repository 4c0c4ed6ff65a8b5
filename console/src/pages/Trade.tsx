import { Alert, Badge, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useLang, useT } from '../i18n';
import { navigate } from '../router';

interface MissingPiece {
  domain: string;
  code: string;
  label: { en: string; zh: string };
  subject?: string;
  detail?: string;
  due?: string;
  daysLeft?: number;
  overdue: boolean;
}

interface Trade {
  missing: MissingPiece[];
  refs: Array<{ kind: string; value: string }>;
  timeline: Array<{
    at: string;
    kind: 'message' | 'document';
    id: string;
    partnerId?: string;
    messageType?: string | null;
    state?: string;
    documentType?: string;
    eventType?: string;
    messageId?: string | null;
  }>;
}

/** One trade's life: every message and document linked to any of its references, in time order. */
export function TradePage(props: { reference: string }) {
  const t = useT();
  const [trade, setTrade] = useState<Trade>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api<Trade>(`/trades/${encodeURIComponent(props.reference)}`).then(setTrade, (e: Error) =>
      setError(e.message),
    );
  }, [props.reference]);
  return (
    <Stack>
      <Title order={3}>
        {t('trade')} {props.reference}
      </Title>
      {error && <Alert color="red">{error}</Alert>}
      <Group gap="xs">
        {trade?.refs.map((r) => (
          <Badge key={`${r.kind}:${r.value}`} variant="light">
            {r.kind}: {r.value}
          </Badge>
        ))}
      </Group>
      {trade && <Missing pieces={trade.missing} />}
      <Timeline active={trade?.timeline.length} data-testid="timeline">
        {trade?.timeline.map((e) => (
          <Timeline.Item
            key={`${e.kind}:${e.id}`}
            title={
              e.kind === 'message'
                ? `${e.partnerId} · ${e.messageType ?? ''}`
                : `${e.documentType} · ${e.eventType}`
            }
            color={/fail/.test(e.state ?? '') ? 'red' : undefined}
            style={{ cursor: 'pointer' }}
            onClick={() => navigate(`/messages/${e.kind === 'message' ? e.id : e.messageId}`)}
          >
            <Text size="xs" c="dimmed">
              {e.at} {e.state ?? ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

/** What the domains' rules find still missing on the trade, the most urgent first. */
function Missing(props: { pieces: MissingPiece[] }) {
  const t = useT();
  const lang = useLang();
  if (props.pieces.length === 0) return <Text c="dimmed">{t('nothingMissing')}</Text>;
  const due = (p: MissingPiece) => {
    if (p.due === undefined) return '';
    if (p.overdue) return `${t('due')} ${p.due} · ${t('overdue')} ${-p.daysLeft!} ${t('days')}`;
    return `${t('due')} ${p.due} · ${p.daysLeft} ${t('daysLeft')}`;
  };
  return (
    <Stack gap={4}>
      <Title order={5}>{t('missing')}</Title>
      <Table data-testid="missing" striped>
        <Table.Tbody>
          {props.pieces.map((p) => (
            <Table.Tr key={`${p.code}:${p.subject ?? ''}`} data-code={p.code}>
              <Table.Td>
                <Badge variant="outline">{p.domain}</Badge>
              </Table.Td>
              <Table.Td>{p.label[lang]}</Table.Td>
              <Table.Td>{p.subject ?? ''}</Table.Td>
              <Table.Td c={p.overdue || (p.daysLeft ?? 99) <= 2 ? 'red' : undefined}>
                {due(p)}
              </Table.Td>
              <Table.Td c="dimmed">{p.detail ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
