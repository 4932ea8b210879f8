// /icse/subjects/:id — a victim or an offender: identified or not (by which bureau, when), the
// series, the media showing them, the bureaus holding those, and the act of identifying.
import { Alert, Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatTime } from '../../lib/format';
import { useBureaus } from '../messages/useBureaus';
import { Holders } from './Holders';
import { IcseNav } from './IcseNav';
import { IdentifyButton } from './IdentifyButton';
import { detailOf, useSubject } from './icseApi';
import { MediaGrid } from './MediaGrid';
import { SubjectBadge } from './StatusBadge';

export function SubjectPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const bureaus = useBureaus();
  const page = useSubject(id);
  const r = page.data;

  return (
    <Stack maw={1400}>
      <IcseNav />
      {page.isLoading && <Loader />}
      {page.error && <Alert color="red">{detailOf(page.error)}</Alert>}
      {r && (
        <>
          <Group gap="sm">
            <Title order={3} data-testid="subject-title" dir="auto">
              {r.subject.label}
            </Title>
            <Text c="dimmed">{t(`icse.subject.role.${r.subject.role}`)}</Text>
            <SubjectBadge subject={r.subject} />
          </Group>
          <Card withBorder>
            <Stack gap="xs">
              <Text size="sm">
                {t('icse.subjectPage.series')}{' '}
                <Anchor component={Link} to={`/icse/series/${r.series.id}`} data-testid="subject-series">
                  {r.series.name}
                </Anchor>{' '}
                ({bureaus.label(r.series.ownerBureau)})
              </Text>
              {r.subject.identified ? (
                <Text size="sm" data-testid="subject-identified">
                  {t('icse.subjectPage.identified', {
                    bureau: bureaus.label(r.subject.identifiedByBureau ?? ''),
                    at: formatTime(r.subject.identifiedAt),
                  })}
                </Text>
              ) : (
                <Group justify="space-between">
                  <Text size="sm" c={r.subject.role === 'victim' ? 'red.8' : undefined} fw={600}>
                    {t(`icse.subjectPage.notIdentified.${r.subject.role}`)}
                  </Text>
                  <IdentifyButton subject={r.subject} />
                </Group>
              )}
              {r.subject.notes && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                  {r.subject.notes}
                </Text>
              )}
            </Stack>
          </Card>
          <Card withBorder>
            <Title order={4} mb="xs">
              {t('icse.holders.title')}
            </Title>
            <Holders holders={r.holders} />
          </Card>
          <Title order={4}>{t('icse.subjectPage.media')}</Title>
          <MediaGrid media={r.media} />
        </>
      )}
    </Stack>
  );
}
