// What a notice's readers get beyond the notice itself: the reviewer's assistance (flags that
// help a General Secretariat reviewer decide; the code decides nothing) and the printable PDF.
// Both read the notice through the one policy check and are audited.
import countries from 'i18n-iso-countries';
import type { AppContext, RequestMeta } from '../../context.js';
import { GENERAL_SECRETARIAT, hasRole, type Principal } from '../../platform/auth/principal.js';
import { forbidden } from '../../platform/http/problem.js';
import { nowIso } from '../../platform/time.js';
import '../bureaus/bureaus.data.js'; // registers the country names in the four languages
import { getBureau } from '../bureaus/bureaus.store.js';
import { toNotice } from './notices.row.js';
import { decidedNotice } from './notices.service.js';
import * as store from './notices.store.js';
import { renderNoticePdf } from './pdf/notice-pdf.js';
import { assistReview } from './review/review-assist.js';

export async function reviewAssistance(ctx: AppContext, p: Principal, id: string, meta: RequestMeta) {
  if (!(p.bureau === GENERAL_SECRETARIAT && hasRole(p, 'gs_reviewer'))) {
    throw forbidden('Review assistance is for General Secretariat reviewers');
  }
  const row = await decidedNotice(ctx, p, id, 'notice.review_assist', meta);
  const born = toNotice(row).data.subject?.dateOfBirth;
  const [files, others] = await Promise.all([
    store.filesOf(ctx.db, id),
    store.activeWithSubjects(ctx.db, id, born ? Number(born.slice(0, 4)) : undefined),
  ]);
  return assistReview(toNotice(row), { hasPhoto: files.length > 0, others: others.map(toNotice) });
}

type Lang = 'ar' | 'en' | 'fr' | 'es';

export async function noticePdf(
  ctx: AppContext,
  p: Principal,
  id: string,
  language: Lang,
  meta: RequestMeta,
) {
  const row = await decidedNotice(ctx, p, id, 'notice.print', meta);
  const files = await store.filesOf(ctx.db, id);
  const first = files[0] ? await store.findFile(ctx.db, id, files[0].id) : undefined;
  const bureau = await getBureau(ctx.db, row.requesting_bureau);
  const pdf = await renderNoticePdf({
    notice: toNotice(row),
    language,
    photo: first
      ? { bytes: first.content, mediaType: first.media_type as 'image/jpeg' | 'image/png' }
      : undefined,
    requestingBureauName: bureau ? bureau[`name_${language}`] : row.requesting_bureau,
    countryName: (code) => countries.getName(code, language) ?? code,
    printedAt: nowIso(),
  });
  const name = `${row.type}-${(row.control_number ?? row.id).replace('/', '-')}-${language}.pdf`;
  return { pdf, name };
}
