// A notice row ↔ the `Notice` the service and its readers use, and the columns lifted out of
// its data for filtering (the public API's name, sex, age, nationality and warrant country).
import type { NoticeTable } from '../../platform/db/schema.js';
import type { AccessDescriptor } from '../../platform/policy/access.js';
import type { Notice, NoticeData, NoticeKind, NoticeStatus, NoticeType } from './notice.types.js';

/** Upper case without accents, for filters that must not care how a name was typed. */
export function foldName(s: string | undefined): string | null {
  if (!s) return null;
  return s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/\s+/g, ' ').trim();
}

export function liftedColumns(data: NoticeData) {
  const s = data.subject;
  return {
    subject_name: foldName(s?.familyName),
    subject_forenames: foldName(s?.forenames),
    subject_sex: s?.sex ?? null,
    subject_birth: s?.dateOfBirth ?? null,
    subject_nationalities: JSON.stringify(s?.nationalities ?? []),
    warrant_country: data.warrant?.issuingCountry ?? null,
  };
}

export function toNotice(row: NoticeTable): Notice {
  return {
    id: row.id,
    controlNumber: row.control_number,
    kind: row.kind as NoticeKind,
    type: row.type as NoticeType,
    status: row.status as NoticeStatus,
    requestingBureau: row.requesting_bureau,
    requestingUnit: row.requesting_unit,
    title: row.title,
    data: JSON.parse(row.data) as NoticeData,
    recipients: JSON.parse(row.recipients) as string[],
    publicExtract: row.public_extract === 1,
    handling: row.handling as Notice['handling'],
    language: row.language as Notice['language'],
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    publishedAt: row.published_at,
    reviewDate: row.review_date,
    reviewer: row.reviewer,
    version: row.version,
  };
}

/**
 * What the access policy is told about a notice. Until it is published, only the requesting
 * bureau (and, by the policy's rule 5, the General Secretariat's reviewers) may read it; a
 * published notice reaches every bureau, a sent diffusion its recipients; once cancelled,
 * refused, withdrawn or expired it goes back to the requesting bureau alone.
 */
export function accessOfNotice(
  row: Pick<NoticeTable, 'requesting_bureau' | 'status' | 'kind' | 'recipients' | 'handling'>,
): AccessDescriptor {
  const own = { mode: 'only' as const, bureaus: [row.requesting_bureau] };
  let restriction: AccessDescriptor['restriction'] = own;
  if (row.status === 'published') {
    restriction =
      row.kind === 'diffusion'
        ? { mode: 'only', bureaus: JSON.parse(row.recipients) as string[] }
        : { mode: 'everyone' };
  }
  return {
    ownerBureau: row.requesting_bureau,
    restriction,
    handling: row.handling === 'restricted' ? 'restricted' : 'official',
    capability: 'notices',
  };
}
