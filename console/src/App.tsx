import { AppShell, Badge, Button, Group, NavLink, SegmentedControl, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, session, type Me } from './api';
import { LangContext, useT, type Lang } from './i18n';
import { AuditPage } from './pages/Audit';
import { DeadLettersPage } from './pages/DeadLetters';
import { HealthPage } from './pages/Health';
import { MessagePage } from './pages/Message';
import { OverviewPage } from './pages/Overview';
import { PartnersPage } from './pages/Partners';
import { SearchPage } from './pages/Search';
import { SignIn } from './pages/SignIn';
import { TradePage } from './pages/Trade';
import { navigate, useRoute } from './router';

export function App() {
  const [lang, setLang] = useState<Lang>(
    () => (localStorage.getItem('tradehub.lang') as Lang) ?? 'en',
  );
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    if (session.key()) api<Me>('/console/api/me').then(setMe, () => session.signOut());
  }, []);
  const changeLang = (value: string) => {
    localStorage.setItem('tradehub.lang', value);
    setLang(value as Lang);
  };
  return (
    <LangContext.Provider value={lang}>
      {me ? (
        <Shell
          me={me}
          lang={lang}
          onLang={changeLang}
          onSignOut={() => (session.signOut(), setMe(null))}
        />
      ) : (
        <SignIn onSignedIn={setMe} lang={lang} onLang={changeLang} />
      )}
    </LangContext.Provider>
  );
}

const NAV = [
  ['/', 'overview'],
  ['/health', 'health'],
  ['/search', 'search'],
  ['/dead-letters', 'deadLetters'],
  ['/partners', 'partners'],
  ['/audit', 'audit'],
] as const;

function Shell(props: { me: Me; lang: Lang; onLang: (l: string) => void; onSignOut: () => void }) {
  const t = useT();
  const { path, query } = useRoute();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={4}>{t('title')}</Title>
          <Group>
            <LangToggle lang={props.lang} onLang={props.onLang} />
            <Badge data-testid="whoami" variant="light">
              {props.me.name} · {props.me.role}
            </Badge>
            <Button size="xs" variant="default" onClick={props.onSignOut}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {NAV.map(([to, label]) => (
          <NavLink key={to} label={t(label)} active={path === to} onClick={() => navigate(to)} />
        ))}
        <NavLink label={t('queues')} href="/console/queues" target="_blank" />
      </AppShell.Navbar>
      <AppShell.Main>{page(path, query)}</AppShell.Main>
    </AppShell>
  );
}

function page(path: string, query: URLSearchParams) {
  const [, first, second] = path.split('/');
  if (first === 'messages' && second) return <MessagePage id={decodeURIComponent(second)} />;
  if (first === 'trades' && second) return <TradePage reference={decodeURIComponent(second)} />;
  if (first === 'health') return <HealthPage />;
  if (first === 'search') return <SearchPage query={query} />;
  if (first === 'dead-letters') return <DeadLettersPage />;
  if (first === 'partners') return <PartnersPage />;
  if (first === 'audit') return <AuditPage />;
  return <OverviewPage />;
}

export function LangToggle(props: { lang: Lang; onLang: (l: string) => void }) {
  return (
    <SegmentedControl
      size="xs"
      value={props.lang}
      onChange={props.onLang}
      data={[
        { value: 'en', label: 'EN' },
        { value: 'zh', label: '中文' },
      ]}
    />
  );
}
