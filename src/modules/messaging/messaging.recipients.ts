// From what a sender chose (bureaus, units, regions, all bureaus, the General Secretariat; to
// and in copy) to the deliveries: one per bureau, or per unit when only units of that bureau
// were chosen. A bureau addressed as a whole covers its units; "to" wins over "cc".
import { GENERAL_SECRETARIAT } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/schema.js';
import type { FieldError } from '../../platform/http/problem.js';
import type { Addressees, Recipient } from './messaging.types.js';

export async function expandRecipients(
  db: Db,
  senderBureau: string,
  to: Addressees,
  cc: Addressees | undefined,
): Promise<{ recipients: Recipient[]; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const bureaus = await db.selectFrom('bureaus').select(['code', 'kind', 'region']).execute();
  const known = new Map(bureaus.map((b) => [b.code, b]));
  const out = new Map<string, Recipient>(); // key bureau|unit

  const add = (bureau: string, unit: string, copy: boolean) => {
    const key = `${bureau}|${unit}`;
    const had = out.get(key);
    if (!had || (had.copy && !copy)) out.set(key, { bureau, unit, copy });
  };

  for (const [field, spec, copy] of [
    ['to', to, false],
    ['cc', cc, true],
  ] as const) {
    if (!spec) continue;
    (spec.bureaus ?? []).forEach((raw, i) => {
      const code = raw.toUpperCase();
      if (!known.has(code))
        errors.push({ field: `${field}.bureaus.${i}`, message: `${raw} is not a bureau` });
      else if (code === senderBureau)
        errors.push({ field: `${field}.bureaus.${i}`, message: 'that is your own bureau' });
      else add(code, '', copy);
    });
    for (const [i, region] of (spec.regions ?? []).entries()) {
      const members = bureaus.filter((b) => b.kind === 'member' && b.region === region);
      if (members.length === 0)
        errors.push({ field: `${field}.regions.${i}`, message: `${region} is not a region` });
      for (const b of members) if (b.code !== senderBureau) add(b.code, '', copy);
    }
    if (spec.allBureaus) {
      for (const b of bureaus) if (b.kind === 'member' && b.code !== senderBureau) add(b.code, '', copy);
    }
    if (spec.generalSecretariat && senderBureau !== GENERAL_SECRETARIAT) add(GENERAL_SECRETARIAT, '', copy);
    const unitIds = spec.units ?? [];
    if (unitIds.length > 0) {
      const units = await db
        .selectFrom('units')
        .select(['id', 'bureau_code', 'active'])
        .where('id', 'in', unitIds)
        .execute();
      const byId = new Map(units.map((u) => [u.id, u]));
      unitIds.forEach((id, i) => {
        const u = byId.get(id);
        if (u?.active !== 1) errors.push({ field: `${field}.units.${i}`, message: 'no such active unit' });
        else add(u.bureau_code, u.id, copy);
      });
    }
  }
  // A bureau addressed as a whole already reaches its units.
  const whole = new Map([...out.values()].filter((r) => r.unit === '').map((r) => [r.bureau, r]));
  const recipients = [...out.values()].filter((r) => r.unit === '' || !whole.has(r.bureau));
  if (recipients.length === 0 && errors.length === 0) {
    errors.push({
      field: 'to',
      message: 'name at least one bureau, unit, region, all bureaus or the General Secretariat',
    });
  }
  recipients.sort((a, b) => (a.bureau + a.unit).localeCompare(b.bureau + b.unit));
  return { recipients, errors };
}
