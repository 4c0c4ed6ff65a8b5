import { Alert, Button, Code, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type Location, type MessageRow } from '../api';
import { useT } from '../i18n';
import { errorLine, rawLines } from '../raw-view';
import { navigate } from '../router';
import { StateBadge } from './Search';

interface Detail extends MessageRow {
  raw: { text: string; truncated: boolean };
  rawPurgedAt: string | null;
  documents: Array<{ id: string; documentType: string; envelope: unknown }>;
  history: Array<{
    state: string;
    stage: string | null;
    reason: string | null;
    location: Location | null;
    at: string;
  }>;
  refs: Array<{ kind: string; value: string }>;
}

/** Raw payload beside the canonical documents, state history, failure located; replay. */
export function MessagePage(props: { id: string }) {
  const t = useT();
  const [message, setMessage] = useState<Detail>();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const load = useCallback(() => api<Detail>(`/messages/${props.id}`).then(setMessage), [props.id]);
  useEffect(() => void load().catch(() => undefined), [load]);
  const act = async (path: string) => {
    try {
      await api(path, { method: 'POST' });
      setOutcome({ ok: true, text: t('done') });
      await load();
    } catch (err) {
      setOutcome({ ok: false, text: `${t('refused')}: ${(err as Error).message}` });
    }
  };
  if (!message) return null;
  const failure = [...message.history].reverse().find((h) => h.location || /fail/.test(h.state));
  const location = message.lastError?.location ?? failure?.location ?? undefined;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>
          {message.partnerId} · {message.messageType ?? message.format}{' '}
          <StateBadge state={message.state} />
        </Title>
        <Group>
          {message.direction === 'in' && (
            <Button
              data-testid="replay"
              onClick={() =>
                void act(`/messages/${message.id}/replay?force=${message.state === 'processed'}`)
              }
            >
              {t('replay')}
            </Button>
          )}
          {message.direction === 'out' && message.state === 'delivery-failed' && (
            <Button onClick={() => void act(`/messages/${message.id}/redeliver`)}>
              {t('redeliver')}
            </Button>
          )}
        </Group>
      </Group>
      {outcome && (
        <Alert color={outcome.ok ? 'green' : 'red'} data-testid="outcome">
          {outcome.text}
        </Alert>
      )}
      {(message.lastError?.message || failure?.reason) && (
        <Alert color="red" title={t('error')} data-testid="error">
          {message.lastError?.message ?? failure?.reason}
        </Alert>
      )}
      <Group gap="xs">
        {message.refs.map((r) => (
          <Button
            key={`${r.kind}:${r.value}`}
            size="compact-xs"
            variant="light"
            onClick={() => navigate(`/trades/${encodeURIComponent(r.value)}`)}
          >
            {r.kind}: {r.value}
          </Button>
        ))}
      </Group>
      <Grid>
        <Grid.Col span={6}>
          <Text fw={600}>{t('raw')}</Text>
          {message.rawPurgedAt && (
            <Text c="dimmed" data-testid="raw-purged">
              {t('rawPurged')} {message.rawPurgedAt}
            </Text>
          )}
          <RawPayload text={message.raw.text} format={message.format} location={location} />
        </Grid.Col>
        <Grid.Col span={6}>
          <Text fw={600}>{t('documents')}</Text>
          {message.documents.map((d) => (
            <Code block key={d.id} mb="xs">
              {JSON.stringify(d.envelope, null, 2)}
            </Code>
          ))}
        </Grid.Col>
      </Grid>
      <Text fw={600}>{t('history')}</Text>
      <Table striped>
        <Table.Tbody>
          {message.history.map((h, i) => (
            <Table.Tr key={i}>
              <Table.Td>{h.at}</Table.Td>
              <Table.Td>{h.state}</Table.Td>
              <Table.Td>{h.stage}</Table.Td>
              <Table.Td>{h.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function RawPayload(props: {
  text: string;
  format: string | null;
  location: Location | undefined;
}) {
  const lines = useMemo(() => rawLines(props.text, props.format), [props.text, props.format]);
  const marked = errorLine(lines, props.location);
  return (
    <pre
      data-testid="raw"
      style={{ fontSize: 12, background: '#f8f9fa', padding: 8, overflowX: 'auto' }}
    >
      {lines.map((line, i) => (
        <div
          key={i}
          data-error={i === marked ? 'true' : undefined}
          style={i === marked ? { background: '#ffe3e3', outline: '1px solid #fa5252' } : undefined}
        >
          {line.text}
        </div>
      ))}
    </pre>
  );
}
