// The victims (or the offenders) of a series: identified or not, by which bureau, when; each with
// its page and, while not identified, the act of marking it so.
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../lib/format';
import { useBureaus } from '../messages/useBureaus';
import { IdentifyButton } from './IdentifyButton';
import type { Subject, SubjectRole } from './icseApi';
import { SubjectBadge } from './StatusBadge';

export function SubjectsTable({
  subjectRole: role,
  subjects,
}: {
  subjectRole: SubjectRole;
  subjects: Subject[];
}) {
  const { t } = useTranslation();
  const bureaus = useBureaus();
  if (subjects.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t(`icse.subject.none.${role}`)}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table data-testid={`subjects-${role}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('icse.subject.label')}</Table.Th>
            <Table.Th>{t('icse.subject.status')}</Table.Th>
            <Table.Th>{t('icse.subject.when')}</Table.Th>
            <Table.Th>{t('icse.subject.notes')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subjects.map((s) => (
            <Table.Tr key={s.id} data-testid="subject-row">
              <Table.Td miw={160}>
                <Anchor component={Link} to={`/icse/subjects/${s.id}`} fw={600} dir="auto">
                  {s.label}
                </Anchor>
              </Table.Td>
              <Table.Td miw={130}>
                <SubjectBadge subject={s} />
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {s.identified
                    ? `${bureaus.label(s.identifiedByBureau ?? '')} — ${formatTime(s.identifiedAt)}`
                    : '—'}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" lineClamp={3} dir="auto">
                  {s.notes ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>{!s.identified && <IdentifyButton subject={s} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
