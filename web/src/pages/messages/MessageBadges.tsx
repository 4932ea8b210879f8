// A message's priority and handling code, the same in the boxes and on the message.
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const PRIORITY_COLOURS: Record<string, string> = { routine: 'gray', urgent: 'orange', immediate: 'red' };
const HANDLING_COLOURS: Record<string, string> = {
  police_use_only: 'blue',
  no_judicial_use: 'grape',
  no_onward_transmission: 'red',
  other: 'yellow',
};

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={PRIORITY_COLOURS[priority] ?? 'gray'}
      variant={priority === 'routine' ? 'light' : 'filled'}
      data-testid="priority-badge"
      data-priority={priority}
      style={{ minWidth: 'max-content' }}
    >
      {t(`messages.priority.${priority}`, { defaultValue: priority })}
    </Badge>
  );
}

/** The handling code; "other" carries the sender's note, shown beside it when `withNote`. */
export function HandlingBadge({
  handling,
  note,
  withNote = false,
}: {
  handling: string;
  note?: string | null;
  withNote?: boolean;
}) {
  const { t } = useTranslation();
  const label = t(`messages.handling.${handling}`, { defaultValue: handling });
  const badge = (
    <Badge
      color={HANDLING_COLOURS[handling] ?? 'gray'}
      variant="outline"
      data-testid="handling-badge"
      data-handling={handling}
      style={{ minWidth: 'max-content', textTransform: 'none' }}
    >
      {withNote && note ? `${label}: ${note}` : label}
    </Badge>
  );
  if (!note || withNote) return badge;
  return (
    <Tooltip label={note} multiline maw={320}>
      {badge}
    </Tooltip>
  );
}
