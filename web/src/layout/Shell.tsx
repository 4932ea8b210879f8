// The frame of every page once signed in: header, navigation for every capability, content.
import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { UPCOMING } from '../App';
import { isAdmin, isDpo, mayScreen, useAuth } from '../lib/auth';
import { bureauName } from '../lib/format';
import { IcseUnreadBadge } from '../pages/icse/IcseNav';
import { mayUseIcse } from '../pages/icse/icseApi';
import { mayReadMessages } from '../pages/messages/messagesApi';
import { UnreadBadge } from '../pages/messages/UnreadBadge';
import { mayUsePayments } from '../pages/payments/paymentsApi';
import { LanguageSwitch } from './LanguageSwitch';

/** A database's records, forms and imports, and single records, belong under "Databases". */
const inDatabases = (path: string) => /^\/(databases\/(?!search$|hits$)|records\/)/.test(path);
/** A notice's pages (new, one notice, its change) belong under "Notices". */
const inNotices = (path: string) => path.startsWith('/notices/');
/** Writing a message and reading one belong under "Messages". */
const inMessages = (path: string) => path.startsWith('/messages/');
/** Opening a payment case and reading one belong under "Payments". */
const inPayments = (path: string) => path.startsWith('/payments/');
/** A medium, a series, a victim and the import belong under "ICSE". */
const inIcse = (path: string) => path.startsWith('/icse/');

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { principal, signOut } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  if (!principal) return null;

  const links = [
    { to: '/', label: t('nav.dashboard'), id: 'dashboard' },
    { to: '/databases', label: t('nav.databases'), id: 'databases' },
    { to: '/databases/search', label: t('nav.search'), id: 'search' },
    { to: '/databases/hits', label: t('nav.hits'), id: 'hits' },
    { to: '/persons', label: t('nav.persons'), id: 'persons' },
    ...(mayScreen(principal) ? [{ to: '/screening', label: t('nav.screening'), id: 'screening' }] : []),
    ...(principal.capabilities.includes('notices')
      ? [{ to: '/notices', label: t('nav.notices'), id: 'notices' }]
      : []),
    ...(mayReadMessages(principal) ? [{ to: '/messages', label: t('nav.messages'), id: 'messages' }] : []),
    ...(mayUsePayments(principal) ? [{ to: '/payments', label: t('nav.payments'), id: 'payments' }] : []),
    ...(mayUseIcse(principal) ? [{ to: '/icse', label: t('nav.icse'), id: 'icse' }] : []),
    ...UPCOMING.filter((u) => !u.capability || principal.capabilities.includes(u.capability)).map((u) => ({
      to: `/${u.path}`,
      label: t(u.nav),
      id: u.path,
    })),
    ...(isDpo(principal) ? [{ to: '/audit', label: t('nav.audit'), id: 'audit' }] : []),
    ...(isAdmin(principal) ? [{ to: '/admin', label: t('nav.admin'), id: 'admin' }] : []),
  ];

  return (
    <AppShell
      // No sliding: switching to Arabic moves the navbar across at once.
      transitionDuration={0}
      header={{ height: 60 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
            <Title order={3} c="indigo.8" fz={{ base: 'h4', sm: 'h3' }}>
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Stack gap={0} visibleFrom="sm" align="flex-end">
              <Text size="sm" fw={600} data-testid="who">
                {principal.displayName}
              </Text>
              <Text size="xs" c="dimmed">
                {bureauName(principal.bureau.names, principal.bureau.code)} ({principal.bureau.code})
              </Text>
            </Stack>
            <LanguageSwitch />
            <Button variant="light" size="xs" onClick={() => void signOut(false)} data-testid="sign-out">
              {t('header.signOut')}
            </Button>
            <Button
              variant="subtle"
              size="xs"
              color="red"
              onClick={() => void signOut(true)}
              visibleFrom="md"
              data-testid="sign-out-everywhere"
            >
              {t('header.signOutEverywhere')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" data-testid="navbar">
        <ScrollArea>
          {links.map((l) => (
            <NavLink
              key={l.to}
              component={Link}
              to={l.to}
              label={l.label}
              active={
                location.pathname === l.to ||
                (l.to === '/databases' && inDatabases(location.pathname)) ||
                (l.to === '/notices' && inNotices(location.pathname)) ||
                (l.to === '/messages' && inMessages(location.pathname)) ||
                (l.to === '/payments' && inPayments(location.pathname)) ||
                (l.to === '/icse' && inIcse(location.pathname))
              }
              rightSection={
                l.id === 'messages' ? <UnreadBadge /> : l.id === 'icse' ? <IcseUnreadBadge /> : undefined
              }
              data-testid={`nav-${l.id}`}
              onClick={close}
            />
          ))}
        </ScrollArea>
        {/* On a phone the header has no room for who is signed in or "sign out everywhere". */}
        <Stack gap={4} p="xs" hiddenFrom="md" mt="md">
          <Text size="sm" fw={600} hiddenFrom="sm">
            {principal.displayName}
          </Text>
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {bureauName(principal.bureau.names, principal.bureau.code)} ({principal.bureau.code})
          </Text>
          <Button variant="subtle" size="xs" color="red" onClick={() => void signOut(true)}>
            {t('header.signOutEverywhere')}
          </Button>
        </Stack>
        {principal.roles.length > 0 && (
          <Group gap={4} mt="auto" p="xs">
            {principal.roles.map((r) => (
              <Badge key={r} variant="light" size="sm">
                {t(`roles.${r}`)}
              </Badge>
            ))}
          </Group>
        )}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
