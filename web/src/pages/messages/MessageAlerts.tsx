// Wherever the officer is in the console, a message for the bureau shows up at once: the boxes
// and the unread count refreshed, and a notification that opens it.
import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { useEvents } from '../../lib/events';
import { useBureaus } from './useBureaus';

const TOPICS = ['messages.received'] as const;

export function MessageAlerts() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { principal } = useAuth();
  const bureaus = useBureaus();
  useEvents(TOPICS, (e) => {
    void queryClient.invalidateQueries({ queryKey: ['messages'] });
    const p = e.payload as Record<string, unknown>;
    // The sender's own bureau hears of it too (its sent box changes), without a notification.
    if (p.senderBureau === principal?.bureau.code) return;
    const urgent = p.priority === 'urgent' || p.priority === 'immediate';
    notifications.show({
      color: urgent ? 'red' : 'indigo',
      autoClose: urgent ? 15_000 : 8000,
      title: t(urgent ? 'messages.alerts.urgentTitle' : 'messages.alerts.title', {
        bureau: bureaus.label(String(p.senderBureau ?? '')),
      }),
      message: (
        <>
          <span dir="auto">{String(p.subject ?? '')}</span>{' '}
          <Anchor component="button" size="sm" onClick={() => navigate(`/messages/${String(p.messageId)}`)}>
            {t('messages.alerts.open')}
          </Anchor>
        </>
      ),
      'data-testid': 'message-alert',
    });
  });
  return null;
}
