// The access policy, rule by rule: one row per situation a user meets.
import { describe, expect, it } from 'vitest';
import type { Capability, Principal, Role } from '../auth/principal.js';
import {
  type AccessDecision,
  type AccessDescriptor,
  decideAccess,
  explainAccess,
  type HandlingCode,
  isBureauAllowed,
  type Restriction,
} from './access.js';

const ALL_CAPS: Capability[] = [
  'databases',
  'screening',
  'notices',
  'messaging',
  'payments',
  'icse',
  'networks',
  'cbrne',
];
const who = (bureau: string, roles: Role[], capabilities: Capability[] = ALL_CAPS): Principal => ({
  type: 'user',
  id: `${bureau}-${roles.join('-')}`,
  name: 'x',
  bureau,
  unitId: null,
  roles,
  capabilities,
});

const frOfficer = who('FR', ['officer']);
const joOfficer = who('JO', ['officer']);
const brSystem = { ...who('BR', ['system'], ['screening']), type: 'api_key' as const };
const joAdmin = who('JO', ['bureau_admin']);
const gsReviewer = who('XG', ['gs_reviewer'], ['databases', 'notices']);
const gsDpo = who('XG', ['dpo'], ['databases']);
const gsOfficer = who('XG', ['officer']);
const gsAdmin = who('XG', ['gs_admin']);
const joNoIcse = who('JO', ['officer'], ['databases']);

const data = (
  handling: HandlingCode,
  restriction: Restriction,
  capability?: Capability,
): AccessDescriptor => ({
  ownerBureau: 'JO',
  restriction,
  handling,
  capability,
});
const everyone: Restriction = { mode: 'everyone' };
const onlyFr: Restriction = { mode: 'only', bureaus: ['FR'] };
const onlyBr: Restriction = { mode: 'only', bureaus: ['BR'] };
const exceptFr: Restriction = { mode: 'except', bureaus: ['FR'] };

const rows: [string, Principal | null, AccessDescriptor, AccessDecision, string][] = [
  // 1. The public
  ['the public reads public data', null, data('public', everyone), 'see', 'public'],
  ['the public reads nothing official', null, data('official', everyone), 'none', 'not_public'],
  [
    'the public cannot read public data of a capability domain',
    null,
    data('public', everyone, 'icse'),
    'none',
    'not_public',
  ],
  // 2. Data roles
  ['an administrator does not read police data', joAdmin, data('official', everyone), 'none', 'no_data_role'],
  [
    'the GS administrator does not read police data',
    gsAdmin,
    data('restricted', everyone),
    'none',
    'no_data_role',
  ],
  ['an administrator still reads public data', joAdmin, data('public', everyone), 'see', 'public'],
  // 3. Capability domains
  [
    'the owner without the capability sees nothing',
    joNoIcse,
    data('official', everyone, 'icse'),
    'none',
    'missing_capability',
  ],
  [
    'the GS reviewer without the capability sees nothing',
    gsReviewer,
    data('official', everyone, 'icse'),
    'none',
    'missing_capability',
  ],
  [
    'a restricted-away bureau without the capability learns nothing',
    brSystem,
    data('official', onlyFr, 'icse'),
    'none',
    'missing_capability',
  ],
  ['the owner with the capability sees it', joOfficer, data('confidential', onlyFr, 'icse'), 'see', 'owner'],
  // 4. Owner
  [
    'the owner sees confidential data restricted to others',
    joOfficer,
    data('confidential', onlyBr),
    'see',
    'owner',
  ],
  [
    'the owner sees data it excluded itself from by mistake',
    joOfficer,
    data('restricted', { mode: 'except', bureaus: ['JO'] }),
    'see',
    'owner',
  ],
  // 5. General Secretariat review
  [
    'the GS reviewer sees restricted data of any bureau',
    gsReviewer,
    data('restricted', onlyBr),
    'see',
    'gs_review',
  ],
  ['the GS DPO sees confidential data', gsDpo, data('confidential', onlyBr), 'see', 'gs_review'],
  [
    'a GS officer is treated like any bureau',
    gsOfficer,
    data('restricted', onlyBr),
    'none',
    'restricted_away',
  ],
  ['a GS officer allowed by the restriction sees', gsOfficer, data('official', everyone), 'see', 'allowed'],
  // 6. Public data of a domain
  [
    'public data of a domain is seen with the capability',
    frOfficer,
    data('public', onlyBr, 'notices'),
    'see',
    'public',
  ],
  // 7. Allowed bureaus
  ['everyone: official is seen', frOfficer, data('official', everyone), 'see', 'allowed'],
  ['everyone: restricted is seen', frOfficer, data('restricted', everyone), 'see', 'allowed'],
  [
    'everyone: confidential only exists',
    frOfficer,
    data('confidential', everyone),
    'exists',
    'allowed_confidential',
  ],
  ['only FR: FR sees restricted', frOfficer, data('restricted', onlyFr), 'see', 'allowed'],
  ['all but FR: BR sees official', brSystem, data('official', exceptFr), 'see', 'allowed'],
  // 8. Restricted away
  [
    'only BR: FR learns official data exists',
    frOfficer,
    data('official', onlyBr),
    'exists',
    'restricted_away_exists',
  ],
  [
    'only BR: FR learns nothing of restricted data',
    frOfficer,
    data('restricted', onlyBr),
    'none',
    'restricted_away',
  ],
  [
    'only BR: FR learns nothing of confidential data',
    frOfficer,
    data('confidential', onlyBr),
    'none',
    'restricted_away',
  ],
  [
    'all but FR: FR learns official data exists',
    frOfficer,
    data('official', exceptFr),
    'exists',
    'restricted_away_exists',
  ],
  [
    'all but FR: FR learns nothing of restricted data',
    frOfficer,
    data('restricted', exceptFr),
    'none',
    'restricted_away',
  ],
  ['an API key is judged by its bureau', brSystem, data('restricted', onlyFr), 'none', 'restricted_away'],
];

describe('decideAccess', () => {
  it.each(rows)('%s', (_name, principal, descriptor, decision, reason) => {
    expect(explainAccess(principal, descriptor)).toEqual({ decision, reason });
    expect(decideAccess(principal, descriptor)).toBe(decision);
  });

  it('compares bureau codes without regard to case', () => {
    expect(decideAccess(who('fr', ['officer']), data('restricted', onlyFr))).toBe('see');
    expect(decideAccess(frOfficer, data('restricted', { mode: 'only', bureaus: ['fr'] }))).toBe('see');
  });
});

describe('isBureauAllowed', () => {
  it('reads the three restriction modes', () => {
    expect(isBureauAllowed(everyone, 'NG')).toBe(true);
    expect(isBureauAllowed(onlyFr, 'FR')).toBe(true);
    expect(isBureauAllowed(onlyFr, 'NG')).toBe(false);
    expect(isBureauAllowed(exceptFr, 'FR')).toBe(false);
    expect(isBureauAllowed(exceptFr, 'NG')).toBe(true);
  });
});
