// Payment interventions: the requests this bureau must act on (most urgent first) and the cases
// it opened, with the way to open a case and to the figures. The tab is kept in the address.
import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../lib/auth';
import { OpenedCases } from './OpenedCases';
import { PaymentQueue } from './PaymentQueue';
import { mayActOnPayments, mayOpenCases, usePaymentsLive } from './paymentsApi';

const TABS = ['queue', 'opened', 'overdue'] as const;

export function PaymentsPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const [params, setParams] = useSearchParams();
  usePaymentsLive();
  // The General Secretariat's reviewers oversee (overdue requests); they act on none.
  const tabs = mayActOnPayments(principal) ? TABS : (['overdue'] as const);
  const asked = params.get('tab');
  const tab = tabs.find((v) => v === asked) ?? tabs[0];
  return (
    <Stack maw={1300}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} data-testid="payments-title">
            {t('payments.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t(mayActOnPayments(principal) ? 'payments.intro' : 'payments.introOversight')}
          </Text>
        </Stack>
        <Group gap="sm">
          <Button
            component={Link}
            to="/payments/figures"
            variant="default"
            data-testid="payments-figures-link"
          >
            {t('payments.figuresLink')}
          </Button>
          {mayOpenCases(principal) && (
            <Button component={Link} to="/payments/new" data-testid="new-payment-case">
              {t('payments.new')}
            </Button>
          )}
        </Group>
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {tabs.map((v) => (
            <Tabs.Tab key={v} value={v} data-testid={`payments-tab-${v}`}>
              {t(`payments.tabs.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="queue">
          <Text size="sm" c="dimmed" mb="sm">
            {t('payments.tabHelp.queue')}
          </Text>
          <PaymentQueue />
        </Tabs.Panel>
        <Tabs.Panel value="opened">
          <Text size="sm" c="dimmed" mb="sm">
            {t('payments.tabHelp.opened')}
          </Text>
          <OpenedCases />
        </Tabs.Panel>
        <Tabs.Panel value="overdue">
          <Text size="sm" c="dimmed" mb="sm">
            {t('payments.tabHelp.overdue')}
          </Text>
          <PaymentQueue box="overdue" />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
