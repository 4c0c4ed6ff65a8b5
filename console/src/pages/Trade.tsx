import { Alert, Badge, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { navigate } from '../router';

interface Trade {
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
