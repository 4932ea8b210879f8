// The frame of the public pages, for everyone and without signing in: what these pages are, the
// language switch, and the way to the console's sign-in.
import { Anchor, Box, Container, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { useAuth } from '../../lib/auth';

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { principal } = useAuth();
  return (
    <Box mih="100vh" bg="gray.0" data-testid="public-notices">
      <Box bg="indigo.9" c="white" py="lg">
        <Container size="xl">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
            <Stack gap={6} maw={760}>
              <Text size="sm" fw={600} c="indigo.1">
                {t('app.name')} · {t('app.tagline')}
              </Text>
              <Title order={1} fz={{ base: 26, sm: 32 }} data-testid="public-title">
                <Anchor component={Link} to="/public/notices" c="white" underline="never" inherit>
                  {t('publicNotices.title')}
                </Anchor>
              </Title>
              <Text size="sm" c="indigo.0" data-testid="public-intro">
                {t('publicNotices.intro')}
              </Text>
            </Stack>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <Anchor component={Link} to="/" c="white" size="sm" fw={600} data-testid="public-signin">
                {principal ? t('publicNotices.backToConsole') : t('publicNotices.signIn')}
              </Anchor>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="xl" py="lg">
        {children}
      </Container>
    </Box>
  );
}

/** A head-and-shoulders outline where a notice has no photo. */
export function PortraitPlaceholder({ label }: { label: string }) {
  return (
    <svg
      viewBox="0 0 240 300"
      role="img"
      aria-label={label}
      width="100%"
      height="100%"
      preserveAspectRatio="xMidYMid slice"
    >
      <rect width="240" height="300" fill="#e9ecef" />
      <ellipse cx="120" cy="114" rx="48" ry="58" fill="#adb5bd" />
      <ellipse cx="120" cy="306" rx="100" ry="102" fill="#adb5bd" />
    </svg>
  );
}
