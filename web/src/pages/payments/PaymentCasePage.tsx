// One case: the fraud and its victim, who opened it and when it was reported, the chain it
// belongs to (the case it chases money from), each receiving country's part with its clocks,
// actions and transactions, and the timeline of every step. A receiving bureau sees its own part.
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { formatTime } from '../../lib/format';
import { useBureauLabel } from '../screening/useBureauLabel';
import { PartCard } from './PartCard';
import { useCountryName, useListFormat } from './PaymentBadges';
import { PaymentTimeline } from './PaymentTimeline';
import { GS, usePaymentCase, usePaymentsLive } from './paymentsApi';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">
        <bdi>{value}</bdi>
      </Text>
    </div>
  );
}

export function PaymentCasePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { principal } = useAuth();
  const bureau = useBureauLabel();
  const country = useCountryName();
  const list = useListFormat();
  usePaymentsLive();
  const query = usePaymentCase(id);
  if (query.isLoading) return <Loader />;
  if (query.error || !query.data) {
    return (
      <Stack maw={720}>
        <Alert color="red" data-testid="payment-case-error">
          {query.error instanceof ApiError ? query.error.detail : t('payments.case.notFound')}
        </Alert>
        <Button component={Link} to="/payments" variant="default" w="fit-content">
          {t('payments.case.back')}
        </Button>
      </Stack>
    );
  }
  const c = query.data;
  // The chase cases are the victim's bureau's: it (and the GS) may open them; a receiving bureau
  // learns that a chase was opened, not where it stands.
  const mayFollow = principal?.bureau.code === c.requestingBureau || principal?.bureau.code === GS;
  return (
    <Stack maw={1300} data-testid="payment-case" data-case={c.id}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light">{t(`payments.fraudTypes.${c.fraudType}`)}</Badge>
            {c.parentTransactionId && (
              <Badge color="orange" variant="outline" data-testid="chase-badge">
                {t('payments.list.chase')}
              </Badge>
            )}
          </Group>
          <Title order={2} dir="auto" data-testid="payment-case-title">
            {c.victim.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('payments.case.openedBy', { bureau: bureau(c.requestingBureau), at: formatTime(c.createdAt) })}
          </Text>
        </Stack>
        <Button component={Link} to="/payments" variant="default">
          {t('payments.case.back')}
        </Button>
      </Group>

      {c.parentCaseId && (
        <Alert color="orange" data-testid="parent-case">
          {mayFollow ? (
            <Anchor component={Link} to={`/payments/cases/${c.parentCaseId}`} data-testid="parent-case-link">
              {t('payments.case.chaseOf')}
            </Anchor>
          ) : (
            t('payments.case.chaseOfOther')
          )}
        </Alert>
      )}

      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Card withBorder padding="md">
              <Group gap="xl" align="flex-start" wrap="wrap">
                <Fact
                  label={t('payments.form.victimKind')}
                  value={t(`payments.victimKinds.${c.victim.kind}`)}
                />
                {c.victim.country && (
                  <Fact label={t('payments.form.victimCountry')} value={country(c.victim.country)} />
                )}
                <Fact
                  label={t('payments.form.reportedAt')}
                  value={formatTime(c.reportedAt)}
                  testId="reported-at"
                />
                <Fact
                  label={t('payments.case.countries')}
                  value={list(c.parts.map((p) => country(p.receivingBureau)))}
                />
              </Group>
              {c.summary && (
                <Text
                  size="sm"
                  mt="sm"
                  dir="auto"
                  style={{ whiteSpace: 'pre-wrap' }}
                  data-testid="case-summary"
                >
                  {c.summary}
                </Text>
              )}
            </Card>
            {c.parts.map((p) => (
              <PartCard
                key={p.id}
                part={p}
                transactions={c.transactions.filter((x) => x.partId === p.id)}
                steps={c.steps}
                mayFollow={mayFollow}
              />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder padding="md">
            <Title order={4} mb="sm">
              {t('payments.case.timeline')}
            </Title>
            <PaymentTimeline steps={c.steps} transactions={c.transactions} mayFollow={mayFollow} />
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
