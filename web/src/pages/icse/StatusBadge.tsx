// The status of a result, in a colour an officer reads at a glance: red for a known series whose
// victim is not yet identified (she may still be in danger), green once she is, orange for known
// media outside any series, blue for new material.
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IcseStatus, Subject } from './icseApi';

export const STATUS_COLOURS: Record<IcseStatus, string> = {
  known: 'red',
  victim_identified: 'green',
  known_media: 'orange',
  new: 'blue',
};

/** `short`: where the long status would not fit (a result card); the full text is its title. */
export function StatusBadge({
  status,
  short,
  ...props
}: { status: IcseStatus; short?: boolean } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOURS[status]}
      variant={status === 'known' ? 'filled' : 'light'}
      data-testid="icse-status"
      data-status={status}
      title={short ? t(`icse.status.${status}`) : undefined}
      {...props}
    >
      {t(short ? `icse.statusShort.${status}` : `icse.status.${status}`)}
    </Badge>
  );
}

/** A victim's or offender's state: identified (by which bureau), or not yet. */
export function SubjectBadge({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  if (subject.identified) {
    return (
      <Badge color="green" variant="light" data-testid="subject-status" data-identified="true">
        {t('icse.subject.identified')}
      </Badge>
    );
  }
  return (
    <Badge
      color={subject.role === 'victim' ? 'red' : 'gray'}
      variant={subject.role === 'victim' ? 'filled' : 'light'}
      data-testid="subject-status"
      data-identified="false"
    >
      {t(`icse.subject.notIdentified.${subject.role}`)}
    </Badge>
  );
}

export function CategoryBadge({ category }: { category: number | null }) {
  const { t } = useTranslation();
  if (category === null) return null;
  return (
    <Badge color={category === 1 ? 'grape' : 'gray'} variant="outline">
      {t(`icse.category.${category}`)}
    </Badge>
  );
}
