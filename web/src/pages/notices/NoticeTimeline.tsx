// A notice's steps, oldest first: what was done, by whom, from which bureau, when, with the
// reason given (a refusal's or a request for information's reason is what the bureau acts on).
import { Blockquote, Group, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format';
import { useBureauLabel } from '../screening/useBureauLabel';
import { StatusBadge } from './NoticeBadges';
import type { NoticeStep } from './noticesApi';

export function NoticeTimeline({ steps, kind }: { steps: NoticeStep[]; kind: string }) {
  const { t } = useTranslation();
  const bureau = useBureauLabel();
  return (
    <Timeline active={steps.length - 1} bulletSize={18} lineWidth={2} data-testid="timeline">
      {steps.map((s, i) => (
        <Timeline.Item
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are in order and never reordered
          key={i}
          title={
            <Group gap="xs">
              <Text fw={600} size="sm">
                {t(`notices.steps.${s.action}`, { defaultValue: s.action })}
              </Text>
              {s.fromStatus !== s.toStatus && <StatusBadge kind={kind} status={s.toStatus} />}
            </Group>
          }
          data-testid={`step-${s.action}`}
        >
          <Text size="xs" c="dimmed">
            {t('notices.steps.by', { actor: s.actor, bureau: bureau(s.actorBureau), at: formatTime(s.at) })}
          </Text>
          {s.comment && (
            <Blockquote p="xs" mt={4} color="gray" data-testid="step-comment">
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                {s.comment}
              </Text>
            </Blockquote>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
