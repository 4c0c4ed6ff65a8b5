import { Alert, Button, Card, Center, Group, PasswordInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { api, session, type Me } from '../api';
import { LangToggle } from '../App';
import { useT, type Lang } from '../i18n';

/** The operator API's own keys and roles: a key is checked by asking who it is. */
export function SignIn(props: {
  onSignedIn: (me: Me) => void;
  lang: Lang;
  onLang: (l: string) => void;
}) {
  const t = useT();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const submit = async () => {
    session.signIn(key.trim());
    try {
      props.onSignedIn(await api<Me>('/console/api/me'));
    } catch (err) {
      session.signOut();
      setError((err as Error).message);
    }
  };
  return (
    <Center h="100vh">
      <Card withBorder w={420} padding="lg">
        <form onSubmit={(e) => (e.preventDefault(), void submit())}>
          <Stack>
            <Group justify="space-between">
              <Title order={3}>{t('title')}</Title>
              <LangToggle lang={props.lang} onLang={props.onLang} />
            </Group>
            <PasswordInput
              label={t('apiKey')}
              value={key}
              onChange={(e) => setKey(e.currentTarget.value)}
              name="apiKey"
            />
            {error && <Alert color="red">{error}</Alert>}
            <Button type="submit">{t('signIn')}</Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
