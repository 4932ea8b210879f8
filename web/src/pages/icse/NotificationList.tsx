// The unit's notices: a victim or offender in media it holds was identified (by which bureau,
// when), with a link to her and a way to mark the notice read.
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../lib/format';
import { useBureaus } from '../messages/useBureaus';
import { detailOf, type IcseNotification, icseApi, useNotifications } from './icseApi';

export function NotificationList({ unreadOnly = false }: { unreadOnly?: boolean }) {
  const { t } = useTranslation();
  const list = useNotifications();
  const items = (list.data?.items ?? []).filter((n) => !unreadOnly || !n.read);
  if (list.error) return <Alert color="red">{detailOf(list.error)}</Alert>;
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="notifications-none">
        {t('icse.notifications.none')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="notifications">
      {items.map((n) => (
        <NotificationItem key={n.id} notification={n} />
      ))}
    </Stack>
  );
}

function NotificationItem({ notification: n }: { notification: IcseNotification }) {
  const { t } = useTranslation();
  const bureaus = useBureaus();
  const queryClient = useQueryClient();
  const read = useMutation({
    mutationFn: () => icseApi.markRead(n.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['icse', 'notifications'] }),
  });
  const role = n.details.role ?? (n.kind === 'offender_identified' ? 'offender' : 'victim');
  return (
    <Alert
      color={n.read ? 'gray' : 'green'}
      variant={n.read ? 'outline' : 'light'}
      data-testid="notification"
      data-read={n.read}
    >
      <Stack gap={4}>
        <Text size="sm" data-testid="notification-text">
          {t(`icse.notifications.${role}`, {
            label: n.details.label ?? '',
            series: n.details.seriesName ?? '',
            bureau: bureaus.label(n.details.identifiedByBureau ?? ''),
            at: formatTime(n.details.identifiedAt ?? n.createdAt),
          })}
        </Text>
        <Group gap="sm">
          <Anchor component={Link} to={`/icse/subjects/${n.subjectId}`} size="sm">
            {t(`icse.notifications.open.${role}`)}
          </Anchor>
          <Anchor component={Link} to={`/icse/series/${n.seriesId}`} size="sm">
            {t('icse.notifications.openSeries')}
          </Anchor>
          {!n.read && (
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => read.mutate()}
              loading={read.isPending}
              w="fit-content"
              data-testid="notification-read"
            >
              {t('icse.notifications.markRead')}
            </Button>
          )}
        </Group>
        {read.error && (
          <Text size="xs" c="red">
            {detailOf(read.error)}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
