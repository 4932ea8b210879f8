// What a published notice puts in front of border screening, through the records module's own
// service (never its SQL): the person as a nominal record of the status a border acts on
// (wanted, missing, person of interest) and each identity document as a notice document. They
// are owned by the requesting bureau, so that every hit at a border reaches it. When the notice
// is cancelled, withdrawn or expires they are closed, and a closed record never hits.
import type { AppContext } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import { closeRecord, createRecord, updateRecord } from '../records/records.service.js';
import { findRecord } from '../records/records.store.js';
import { NOTICE_DEFINITIONS, type Notice, type NoticeSubject } from './notice.types.js';
import * as store from './notices.store.js';

/** The notices module acting for the requesting bureau: a system principal, never a person. */
function publisherFor(bureau: string): Principal {
  return {
    type: 'user',
    id: 'system:notices',
    name: 'notices (publication)',
    bureau,
    unitId: null,
    roles: ['system'],
    capabilities: ['databases'],
  };
}

const latinName = (s: NoticeSubject) => [s.forenames, s.familyName].filter(Boolean).join(' ');
const clip = (s: string | undefined, n: number) => (s && s.length > n ? s.slice(0, n) : s);

function nominalData(n: Notice, s: NoticeSubject, status: string) {
  const latin = latinName(s);
  return {
    names: [
      {
        written: s.nameOriginalScript ?? latin,
        latin,
        familyName: s.familyName,
        ...(s.forenames ? { givenNames: s.forenames } : {}),
      },
    ],
    ...(s.aliases?.length ? { aliases: s.aliases.map((a) => ({ written: a })) } : {}),
    sex: s.sex,
    ...(s.dateOfBirth ? { dateOfBirth: s.dateOfBirth } : {}),
    ...(s.placeOfBirth ? { placeOfBirth: s.placeOfBirth } : {}),
    ...(s.countryOfBirth ? { countryOfBirth: s.countryOfBirth } : {}),
    ...(s.nationalities?.length ? { nationalities: s.nationalities } : {}),
    ...(s.identityDocuments?.length
      ? {
          identityDocuments: s.identityDocuments.map((d) => ({
            type: d.type === 'travel_document' ? 'other' : d.type,
            number: d.number,
            issuingCountry: d.issuingCountry,
          })),
        }
      : {}),
    status,
    ...(n.data.charges?.length
      ? { offences: n.data.charges.slice(0, 20).map((c) => clip(c.offence, 200)!) }
      : {}),
    remarks: `${n.type} ${n.kind} ${n.controlNumber}`,
  };
}

/** Creates the screening records of a just-published notice; does nothing if they exist. */
export async function feedScreening(ctx: AppContext, n: Notice) {
  const def = NOTICE_DEFINITIONS[n.type];
  const s = n.data.subject;
  if (!s || !def.screenedAs || !n.controlNumber || n.status !== 'published') return;
  if ((await store.linkedRecords(ctx.db, n.id)).length > 0) return;
  const publisher = publisherFor(n.requestingBureau);
  const reference = `NOTICE-${n.controlNumber.replace('/', '-')}`;
  const envelope = {
    restriction:
      n.kind === 'diffusion'
        ? { mode: 'only' as const, bureaus: n.recipients }
        : { mode: 'everyone' as const },
    handling: n.handling,
    purpose: `${n.type} ${n.kind} ${n.controlNumber}: ${def.purpose}`.slice(0, 500),
    legalBasis: n.data.warrant
      ? `${n.data.warrant.reference} (${n.data.warrant.issuingAuthority}, ${n.data.warrant.date})`.slice(
          0,
          500,
        )
      : `${n.kind === 'notice' ? 'Notice' : 'Diffusion'} ${n.controlNumber}`,
    ...(n.reviewDate ? { reviewDate: n.reviewDate } : {}),
    sourceReliability: 'A' as const,
    infoAccuracy: 2,
  };
  const meta = { purpose: `Publication of ${n.controlNumber}` };
  const made: { id: string; databaseId: string }[] = [];
  const person = await createRecord(
    ctx,
    publisher,
    'nominal',
    { ...envelope, reference, data: nominalData(n, s, def.screenedAs) },
    meta,
  );
  made.push({ id: person.id, databaseId: 'nominal' });
  let i = 0;
  for (const d of s.identityDocuments ?? []) {
    i++;
    const doc = await createRecord(
      ctx,
      publisher,
      'notice_documents',
      {
        ...envelope,
        reference: `${reference}-D${i}`,
        data: {
          noticeReference: n.controlNumber,
          documentNumber: d.number,
          issuingCountry: d.issuingCountry,
          type: d.type,
          holderName: latinName(s),
          ...(s.dateOfBirth ? { holderDateOfBirth: s.dateOfBirth } : {}),
        },
      },
      meta,
    );
    made.push({ id: doc.id, databaseId: 'notice_documents' });
  }
  await store.linkRecords(ctx.db, n.id, made);
}

/** Closes the screening records of a notice that is no longer in force. */
export async function withdrawFromScreening(ctx: AppContext, n: Notice) {
  const publisher = publisherFor(n.requestingBureau);
  for (const link of await store.linkedRecords(ctx.db, n.id)) {
    const reason = link.database_id === 'notice_documents' ? 'notice_cancelled' : 'withdrawn';
    // Re-read and retry when the owner bureau changed the record between our read and write.
    for (let attempt = 1; ; attempt++) {
      const row = await findRecord(ctx.db, link.record_id);
      if (row?.status !== 'active') break;
      try {
        await closeRecord(ctx, publisher, row.id, row.version, reason, {
          purpose: `${n.status} ${n.controlNumber}`,
        });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
  }
}

/**
 * An extended notice keeps its screening records in force: their review date follows the
 * notice's, up to what the records' databases allow from today (five years).
 */
export async function extendInScreening(ctx: AppContext, n: Notice, latest: string) {
  if (!n.reviewDate) return;
  const reviewDate = n.reviewDate < latest ? n.reviewDate : latest;
  const publisher = publisherFor(n.requestingBureau);
  for (const link of await store.linkedRecords(ctx.db, n.id)) {
    const row = await findRecord(ctx.db, link.record_id);
    if (row?.status !== 'active' || row.review_date >= reviewDate) continue;
    await updateRecord(
      ctx,
      publisher,
      row.id,
      row.version,
      { reviewDate },
      { purpose: `Extension of ${n.controlNumber}` },
    );
  }
}
