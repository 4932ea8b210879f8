// The bureaus holding media of a series or a subject (or media matched to those): whom to talk to.
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBureaus } from '../messages/useBureaus';

export function Holders({ holders }: { holders: string[] }) {
  const { t } = useTranslation();
  const bureaus = useBureaus();
  if (holders.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('icse.holders.none')}
      </Text>
    );
  }
  return (
    <Group gap={6} data-testid="holders">
      {holders.map((b) => (
        <Badge key={b} variant="light" color="indigo" tt="none" data-testid="holder">
          {bureaus.label(b)}
        </Badge>
      ))}
    </Group>
  );
}
