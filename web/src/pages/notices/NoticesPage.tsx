// Notices and diffusions: the bureau's own requests, those in force from other bureaus, and for
// the General Secretariat the review queue and the statistics. The tab is kept in the address.
import { Alert, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../lib/auth';
import { NoticeList } from './NoticeList';
import { NoticeStats } from './NoticeStats';
import { hasNotices, isGs, isGsReviewer, mayDraft } from './noticesApi';

export function NoticesPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const [params, setParams] = useSearchParams();
  if (!hasNotices(principal)) {
    return (
      <Stack maw={720}>
        <Title order={2}>{t('notices.title')}</Title>
        <Alert color="gray" data-testid="notices-not-allowed">
          {t('notices.notAllowed')}
        </Alert>
      </Stack>
    );
  }
  const tabs = [
    ...(isGsReviewer(principal) ? ['review'] : []),
    'bureau',
    'published',
    ...(isGs(principal) ? ['stats'] : []),
  ];
  const asked = params.get('tab');
  const tab = asked && tabs.includes(asked) ? asked : tabs[0]!;
  return (
    <Stack maw={1300}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} data-testid="notices-title">
            {t('notices.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('notices.intro')}
          </Text>
        </Stack>
        {mayDraft(principal) && (
          <Button component={Link} to="/notices/new" data-testid="new-notice">
            {t('notices.new')}
          </Button>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {tabs.map((v) => (
            <Tabs.Tab key={v} value={v} data-testid={`notices-tab-${v}`}>
              {t(`notices.tabs.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((v) => (
          <Tabs.Panel key={v} value={v}>
            <Text size="sm" c="dimmed" mb="sm">
              {t(`notices.tabHelp.${v}`)}
            </Text>
            {v === 'stats' ? <NoticeStats /> : <NoticeList scope={v as 'bureau' | 'published' | 'review'} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
