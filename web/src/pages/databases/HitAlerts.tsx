// Wherever the officer is in the console, a hit on one of the bureau's records or a reply about
// a hit shows up at once: a notification, and the hit inbox refreshed.
import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useEvents } from '../../lib/events';
import { dbName } from './labels';

const TOPICS = ['records.hit', 'records.hit_reply'] as const;

export function HitAlerts() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The notifications live outside the router: the link navigates through this closure.
  const navigate = useNavigate();
  useEvents(TOPICS, (e) => {
    void queryClient.invalidateQueries({ queryKey: ['hits'] });
    const p = e.payload as Record<string, string | null | undefined>;
    const db = dbName(t, String(p.database ?? ''));
    notifications.show({
      color: 'indigo',
      autoClose: 8000,
      title: e.topic === 'records.hit' ? t('records.alerts.hitTitle') : t('records.alerts.replyTitle'),
      message: (
        <>
          {e.topic === 'records.hit'
            ? // One event per owner for a whole check: a manifest may hit several records.
              t(Number(p.count ?? 1) > 1 ? 'records.alerts.hitMany' : 'records.alerts.hit', {
                bureau: p.searcherBureau,
                unit: p.searcherUnit ?? t('records.hits.centralOffice'),
                label: p.label ?? '',
                count: Number(p.count ?? 1),
                db,
              })
            : t('records.alerts.reply', { bureau: p.fromBureau, db })}{' '}
          <Anchor component="button" size="sm" onClick={() => navigate('/databases/hits')}>
            {t('records.alerts.open')}
          </Anchor>
        </>
      ),
      'data-testid': 'hit-alert',
    });
  });
  return null;
}
