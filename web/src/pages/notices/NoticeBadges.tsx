// A notice's type in its colour, its kind and its status, the same on every page.
import { Badge, Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { colourOf, type NoticeStatus, STATUS_COLOURS } from './noticesApi';

/** A square of the type's colour, then the type's name. */
export function TypeLabel({ type, size = 'sm' }: { type: string; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  const c = colourOf(type);
  return (
    <Group gap={6} wrap="nowrap" data-testid={`type-${type}`}>
      <Box
        w={12}
        h={12}
        style={{ background: c.bg, borderRadius: 2, flexShrink: 0, border: '1px solid rgba(0,0,0,.2)' }}
        aria-hidden
      />
      <Text size={size} fw={600}>
        {t(`notices.types.${type}.name`)}
      </Text>
    </Group>
  );
}

/** "Published" reads "Sent" for a diffusion: it went to its recipients, not to everyone. */
export function statusLabel(t: (k: string) => string, kind: string, status: string): string {
  if (kind === 'diffusion' && status === 'published') return t('notices.statuses.sent');
  return t(`notices.statuses.${status}`);
}

export function StatusBadge({
  kind,
  status,
  variant = 'light',
}: {
  kind: string;
  status: string;
  variant?: 'light' | 'filled' | 'white';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOURS[status as NoticeStatus] ?? 'gray'}
      variant={variant}
      data-testid="status-badge"
      data-status={status}
      // Never cut to "PUBLIS…" in a narrow table cell.
      style={{ minWidth: 'max-content' }}
    >
      {statusLabel(t, kind, status)}
    </Badge>
  );
}
