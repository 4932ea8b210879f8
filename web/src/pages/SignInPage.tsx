// Sign-in with the second factor when the account has one, and first-time enrolment.
import {
  Alert,
  Anchor,
  Button,
  Center,
  Code,
  Group,
  Paper,
  PasswordInput,
  PinInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { ApiError, api } from '../lib/api';
import { useAuth } from '../lib/auth';

type Step = 'password' | 'totp' | 'enrol';

export function SignInPage() {
  const { t } = useTranslation();
  const { refresh, sessionEnded } = useAuth();
  const [step, setStep] = useState<Step>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  // The failure itself, not its text: switching language re-translates the message.
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const explain = (e: unknown) => {
    if (e instanceof ApiError) {
      if (e.status === 429) return t('signin.errors.rate_limited');
      const key = `signin.errors.${e.code}`;
      return t(key, { defaultValue: t('signin.errors.generic', { detail: e.detail }) });
    }
    return t('signin.errors.generic', { detail: String(e) });
  };

  const startOver = () => {
    // An unfinished enrolment leaves a half-session: end it before someone else signs in.
    if (step === 'enrol') void api.post('/auth/logout').catch(() => undefined);
    setStep('password');
    setCode('');
    setPassword('');
    setEnrolment(null);
    setError(null);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (step === 'enrol') {
        await api.post('/auth/totp/confirm', { code });
        await refresh();
        return;
      }
      const res = await api.post<{ stage: string }>('/auth/login', {
        username,
        password,
        ...(step === 'totp' ? { totp: code } : {}),
      });
      if (res.stage === 'totp_enrolment') {
        setEnrolment(await api.post('/auth/totp/setup'));
        setCode('');
        setStep('enrol');
        return;
      }
      await refresh();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'totp_required') {
        setStep('totp');
        setCode('');
      } else {
        if (e instanceof ApiError && e.code === 'invalid_totp') setCode('');
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={420} radius="md">
        <form onSubmit={submit}>
          <Stack>
            <Group justify="space-between">
              <Title order={2} c="indigo.8">
                {t('app.name')}
              </Title>
              <LanguageSwitch />
            </Group>
            <Text c="dimmed" size="sm">
              {t('app.tagline')}
            </Text>
            <Title order={4}>{step === 'enrol' ? t('signin.enrolTitle') : t('signin.title')}</Title>
            {sessionEnded && error === null && step === 'password' && (
              <Alert color="yellow" data-testid="session-ended">
                {t('signin.sessionEnded')}
              </Alert>
            )}
            {error !== null && (
              <Alert color="red" data-testid="signin-error">
                {explain(error)}
              </Alert>
            )}
            {step !== 'enrol' && (
              <>
                <TextInput
                  label={t('signin.username')}
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  autoComplete="username"
                  required
                  disabled={step === 'totp'}
                  data-testid="username"
                />
                <PasswordInput
                  label={t('signin.password')}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  autoComplete="current-password"
                  required
                  disabled={step === 'totp'}
                  data-testid="password"
                />
              </>
            )}
            {step === 'enrol' && enrolment && (
              <Stack gap="xs">
                <Text size="sm">{t('signin.enrolHelp')}</Text>
                <Text size="sm" fw={600}>
                  {t('signin.secret')}
                </Text>
                <Code data-testid="totp-secret" dir="ltr">
                  {enrolment.secret}
                </Code>
                <Text size="sm" fw={600}>
                  {t('signin.uri')}
                </Text>
                <Code block dir="ltr" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {enrolment.otpauthUri}
                </Code>
              </Stack>
            )}
            {(step === 'totp' || step === 'enrol') && (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('signin.totp')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('signin.totpHelp')}
                </Text>
                <Group dir="ltr">
                  <PinInput
                    length={6}
                    type="number"
                    oneTimeCode
                    value={code}
                    onChange={setCode}
                    data-testid="totp"
                    autoFocus
                  />
                </Group>
              </Stack>
            )}
            <Button type="submit" loading={busy} data-testid="signin-submit">
              {step === 'enrol' ? t('signin.confirm') : t('signin.submit')}
            </Button>
            {step !== 'password' && (
              <Button variant="subtle" size="xs" onClick={startOver} data-testid="signin-back">
                {t('signin.back')}
              </Button>
            )}
          </Stack>
        </form>
        <Group justify="center" mt="md">
          <Anchor component={Link} to="/public/notices" size="sm" data-testid="signin-public-notices">
            {t('publicNotices.link')}
          </Anchor>
        </Group>
      </Paper>
    </Center>
  );
}
