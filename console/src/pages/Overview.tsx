import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api, subscribe, type Backlogs, type Counts } from '../api';
import { useT } from '../i18n';

const COLORS = [
  '#228be6',
  '#40c057',
  '#fab005',
  '#fa5252',
  '#7950f2',
  '#15aabf',
  '#e64980',
  '#82c91e',
];
const STATE_COLORS: Record<string, string> = {
  failed: 'red',
  'delivery-failed': 'red',
  processed: 'green',
  sent: 'blue',
};

/** Messages per minute by partner (live over server-sent events), states, dead letters, lag. */
export function OverviewPage() {
  const t = useT();
  const [counts, setCounts] = useState<Counts>();
  const [backlogs, setBacklogs] = useState<Backlogs>();
  const [pending, setPending] = useState<number>();
  useEffect(
    () =>
      subscribe('/console/api/stream', (event, data) => {
        if (event === 'counts') setCounts(data as Counts);
        if (event === 'backlogs') setBacklogs(data as Backlogs);
      }),
    [],
  );
  useEffect(() => {
    api<{ items: unknown[] }>('/console/api/acks/pending').then(
      (r) => setPending(r.items.length),
      () => undefined,
    );
  }, []);
  const { rows, partners } = useMemo(() => chartRows(counts), [counts]);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('overview')}</Title>
        <Badge color={counts ? 'green' : 'gray'} variant="dot">
          {t('live')}
        </Badge>
      </Group>
      <SimpleGrid cols={5}>
        <Figure label={t('deadLetters')} value={counts?.deadLetters} testId="dead-letters" />
        <Figure label={t('outboxLag')} value={counts?.outboxLagSeconds} testId="outbox-lag" />
        <Figure
          label={t('outboxPending')}
          value={backlogs?.outbox.pending}
          testId="outbox-pending"
        />
        <Figure label={t('inboxPending')} value={backlogs?.inbox.pending} testId="inbox-pending" />
        <Figure label={t('pendingAcks')} value={pending} testId="pending-acks" />
      </SimpleGrid>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('states')}
        </Text>
        <Group data-testid="states">
          {Object.entries(counts?.states ?? {}).map(([state, n]) => (
            <Badge
              key={state}
              color={STATE_COLORS[state] ?? 'gray'}
              size="lg"
              data-testid={`state-${state}`}
            >
              {state}: {n}
            </Badge>
          ))}
        </Group>
      </Card>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('perMinute')}
        </Text>
        <ResponsiveContainer width="100%" height={320}>
          <BarChart data={rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="minute" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {partners.map((p, i) => (
              <Bar
                key={p}
                dataKey={p}
                stackId="partners"
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Card>
      {backlogs && <QueueDepths backlogs={backlogs} />}
    </Stack>
  );
}

/** RabbitMQ handler queues (ready, consumers) beside bull's delivery and poll jobs. */
function QueueDepths(props: { backlogs: Backlogs }) {
  const t = useT();
  const { queues, jobs } = props.backlogs;
  return (
    <SimpleGrid cols={2}>
      <Panel title={`${t('queueDepths')} (RabbitMQ)`}>
        <Table data-testid="queue-depths">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('ready')}</Table.Th>
              <Table.Th>{t('consumers')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queues.map((q) => (
              <Table.Tr key={q.name} data-queue={q.name}>
                <Table.Td>{q.name}</Table.Td>
                <Table.Td c={q.messages > 0 ? 'orange' : undefined}>{q.messages}</Table.Td>
                <Table.Td>{q.consumers}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Panel>
      <Panel title={`${t('jobs')} (bull)`}>
        <Table data-testid="bull-jobs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {(['waiting', 'active', 'delayed', 'failedJobs'] as const).map((k) => (
                <Table.Th key={k}>{t(k)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.map((j) => (
              <Table.Tr key={j.name}>
                <Table.Td>{j.name}</Table.Td>
                <Table.Td>{j.counts?.waiting ?? '–'}</Table.Td>
                <Table.Td>{j.counts?.active ?? '–'}</Table.Td>
                <Table.Td>{j.counts?.delayed ?? '–'}</Table.Td>
                <Table.Td c={(j.counts?.failed ?? 0) > 0 ? 'red' : undefined}>
                  {j.counts?.failed ?? '–'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Panel>
    </SimpleGrid>
  );
}

function Panel(props: { title: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {props.title}
      </Text>
      {props.children}
    </Card>
  );
}

function Figure(props: { label: string; value: number | undefined; testId: string }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text size="xl" fw={700} data-testid={props.testId}>
        {props.value ?? '–'}
      </Text>
    </Card>
  );
}

/** One row per minute, one column per partner (types and states summed). */
function chartRows(counts: Counts | undefined) {
  const byMinute = new Map<string, Record<string, number | string>>();
  const partners = new Set<string>();
  for (const c of counts?.perMinute ?? []) {
    const minute = new Date(c.minute).toLocaleTimeString([], {
      hour: '2-digit',
      minute: '2-digit',
    });
    const row = byMinute.get(minute) ?? { minute };
    row[c.partnerId] = Number(row[c.partnerId] ?? 0) + c.count;
    byMinute.set(minute, row);
    partners.add(c.partnerId);
  }
  return { rows: [...byMinute.values()], partners: [...partners].sort() };
}
