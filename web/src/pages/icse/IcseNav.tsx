// The top of every ICSE page: where the officer is (upload, series, import), the unit's unread
// notices behind a badge, and the reminder that previews are blurred and originals audited.
// It also keeps the pages live: an identification elsewhere refreshes them.
import { Badge, Button, Group, Popover, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useIcseLive, useNotifications } from './icseApi';
import { NotificationList } from './NotificationList';

const SECTIONS = [
  { to: '/icse', key: 'upload' },
  { to: '/icse/series', key: 'series' },
  { to: '/icse/import', key: 'import' },
] as const;

export function IcseNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useIcseLive();
  const active = (to: string) =>
    to === '/icse' ? pathname === '/icse' || pathname.startsWith('/icse/media') : pathname.startsWith(to);
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="md" wrap="wrap">
          <Title order={2} data-testid="icse-title">
            {t('icse.title')}
          </Title>
          <Group gap={4}>
            {SECTIONS.map((s) => (
              <Button
                key={s.key}
                component={Link}
                to={s.to}
                size="xs"
                variant={active(s.to) ? 'light' : 'subtle'}
                data-testid={`icse-nav-${s.key}`}
              >
                {t(`icse.nav.${s.key}`)}
              </Button>
            ))}
          </Group>
        </Group>
        <NotificationBell />
      </Group>
      <Text size="xs" c="dimmed">
        {t('icse.blurNote')}
      </Text>
    </Stack>
  );
}

function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadIcse();
  return (
    <Popover width={460} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Button
          size="xs"
          variant={unread > 0 ? 'filled' : 'default'}
          color={unread > 0 ? 'green' : undefined}
          rightSection={
            unread > 0 ? (
              <Badge size="xs" color="white" c="green.9">
                {unread}
              </Badge>
            ) : undefined
          }
          data-testid="icse-bell"
        >
          {t('icse.notifications.title')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <NotificationList />
      </Popover.Dropdown>
    </Popover>
  );
}

/** How many of the unit's ICSE notices are unread. */
export function useUnreadIcse() {
  const list = useNotifications();
  return (list.data?.items ?? []).filter((n) => !n.read).length;
}

/** The unread count beside "ICSE" in the navigation. */
export function IcseUnreadBadge() {
  const { t } = useTranslation();
  const count = useUnreadIcse();
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      color="green"
      circle={count < 10}
      aria-label={t('icse.notifications.unread', { count })}
      data-testid="nav-icse-unread"
    >
      {count > 99 ? '99+' : count}
    </Badge>
  );
}
