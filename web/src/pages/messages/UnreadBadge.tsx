// The number of unread messages beside "Messages" in the navigation.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from './messagesApi';

export function UnreadBadge() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const count = unread.data?.count ?? 0;
  if (count === 0) return null;
  return (
    <Badge
      size="sm"
      color="red"
      circle={count < 10}
      aria-label={t('messages.unreadCount', { count })}
      data-testid="nav-messages-unread"
    >
      {count > 99 ? '99+' : count}
    </Badge>
  );
}
