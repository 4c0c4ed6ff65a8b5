import { Badge, Group, Stack, Table, Title, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { navigate } from '../router';

interface Health {
  partnerId: string;
  lastReceivedAt: string | null;
  lastSentAt: string | null;
  received24h: number;
  failed24h: number;
  deliveryFailed24h: number;
  errorRate24h: number | null;
  backlogAgeSeconds: number;
  webhookAuthFailures24h: number;
  webhookAuthFailures1h: number;
  transports: TransportState[];
}

interface TransportState {
  kind: string;
  index: number;
  lastSuccessAt: string | null;
  lastError: { at: string; message: string } | null;
  reachable: boolean | null;
  lastPoll: {
    outcome: 'ok' | 'error';
    at: string;
    consecutiveFailures: number;
    reason?: string;
  } | null;
  consecutiveFailures: number;
  tokenExpiresAt?: string;
  tokenValid?: boolean;
}

interface PendingAck {
  messageId: string;
  partnerId: string;
  messageType: string | null;
  sentAt: string;
  waitingSeconds: number;
}

/** Per partner: last message each way, error rate, lag; and acknowledgements overdue. */
export function HealthPage() {
  const t = useT();
  const [items, setItems] = useState<Health[]>([]);
  const [acks, setAcks] = useState<PendingAck[]>([]);
  useEffect(() => {
    api<{ items: Health[] }>('/partners/health').then(
      (r) => setItems(r.items),
      () => undefined,
    );
    api<{ items: PendingAck[] }>('/console/api/acks/pending').then(
      (r) => setAcks(r.items),
      () => undefined,
    );
  }, []);
  return (
    <Stack>
      <Title order={3}>{t('health')}</Title>
      <Table striped data-testid="health">
        <Table.Thead>
          <Table.Tr>
            {(
              [
                'partner',
                'lastIn',
                'lastOut',
                'received24h',
                'errorRate',
                'backlog',
                'webhookFailures',
                'webhookFailures1h',
                'transport',
              ] as const
            ).map((k) => (
              <Table.Th key={k}>{t(k)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((h) => (
            <Table.Tr key={h.partnerId}>
              <Table.Td>{h.partnerId}</Table.Td>
              <Table.Td>{h.lastReceivedAt ?? '–'}</Table.Td>
              <Table.Td>{h.lastSentAt ?? '–'}</Table.Td>
              <Table.Td>{h.received24h}</Table.Td>
              <Table.Td>
                <Badge color={(h.errorRate24h ?? 0) > 0.05 ? 'red' : 'green'}>
                  {h.errorRate24h === null ? '–' : `${(h.errorRate24h * 100).toFixed(1)} %`}
                </Badge>
              </Table.Td>
              <Table.Td>{h.backlogAgeSeconds}</Table.Td>
              <Table.Td>
                <Badge color={h.webhookAuthFailures24h > 0 ? 'orange' : 'gray'}>
                  {h.webhookAuthFailures24h}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Badge color={h.webhookAuthFailures1h > 0 ? 'red' : 'gray'}>
                  {h.webhookAuthFailures1h}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {h.transports.map((s) => (
                    <Transport key={s.index} state={s} />
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>{t('pendingAcks')}</Title>
      <Table striped>
        <Table.Tbody>
          {acks.map((a) => (
            <Table.Tr
              key={a.messageId}
              onClick={() => navigate(`/messages/${a.messageId}`)}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>{a.partnerId}</Table.Td>
              <Table.Td>{a.messageType}</Table.Td>
              <Table.Td>{a.sentAt}</Table.Td>
              <Table.Td>{Math.round(a.waitingSeconds / 60)} min</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * One polled transport: reachable since its last success, or its last error; the last poll when
 * it failed (a 5xx the poller rode out included) and how many failed in a row; token validity.
 */
function Transport(props: { state: TransportState }) {
  const t = useT();
  const s = props.state;
  const time = (iso: string) => iso.slice(5, 16).replace('T', ' ');
  const reach =
    s.reachable === null ? null : (
      <Tooltip
        label={s.lastError ? `${s.lastError.at}: ${s.lastError.message}` : t('lastOk')}
        multiline
        w={320}
      >
        <Badge color={s.reachable ? 'green' : 'red'} data-testid={`transport-${s.kind}`}>
          {s.kind} {s.reachable ? t('reachable') : t('unreachable')}
          {s.lastSuccessAt ? ` · ${t('lastOk')} ${time(s.lastSuccessAt)}` : ''}
        </Badge>
      </Tooltip>
    );
  const poll = s.lastPoll;
  const failedPoll =
    poll?.outcome !== 'error' ? null : (
      <Tooltip label={`${poll.at}: ${poll.reason ?? ''}`} multiline w={320}>
        <Badge color="red" variant="light" data-testid={`last-poll-${s.kind}`}>
          {t('lastPollFailed')} {time(poll.at)} · {s.consecutiveFailures} {t('failuresInRow')}
        </Badge>
      </Tooltip>
    );
  const token =
    s.tokenExpiresAt === undefined ? null : (
      <Badge color={s.tokenValid ? 'green' : 'orange'} variant="light">
        {s.tokenValid ? `${t('tokenValid')} ${time(s.tokenExpiresAt)}` : t('tokenExpired')}
      </Badge>
    );
  return (
    <>
      {reach}
      {failedPoll}
      {token}
    </>
  );
}
