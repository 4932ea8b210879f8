// The access policy, rule by rule and as a full matrix of the situations users meet.
// Expectations are written out by hand, never recomputed from the rules, so a change to the
// policy has to change this table too.
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, type Capability, type Principal, type Role } from '../auth/principal.js';
import {
  type AccessDecision,
  type AccessDescriptor,
  type AccessReason,
  decideAccess,
  explainAccess,
  HANDLING_CODES,
  type HandlingCode,
  isBureauAllowed,
  NOT_FOUND_OR_NO_ACCESS,
  type Restriction,
} from './access.js';

const who = (
  bureau: string,
  roles: Role[],
  capabilities: readonly Capability[] = CAPABILITIES,
): Principal => ({
  type: 'user',
  id: `${bureau}-${roles.join('-')}`,
  name: 'x',
  bureau,
  unitId: null,
  roles,
  capabilities,
});

const data = (
  handling: HandlingCode,
  restriction: Restriction,
  capability?: Capability,
): AccessDescriptor => ({
  ownerBureau: 'JO',
  restriction,
  handling,
  ...(capability ? { capability } : {}),
});
const everyone: Restriction = { mode: 'everyone' };
const onlyFr: Restriction = { mode: 'only', bureaus: ['FR'] };
const onlyBr: Restriction = { mode: 'only', bureaus: ['BR'] };
const exceptBr: Restriction = { mode: 'except', bureaus: ['BR'] };
const exceptFr: Restriction = { mode: 'except', bureaus: ['FR'] };

// ---- The matrix: handling × restriction mode × who asks. Data is owned by JO. ----

const RESTRICTIONS: [string, Restriction][] = [
  ['everyone', everyone],
  ['only FR', onlyFr],
  ['all but BR', exceptBr],
];

/** Decisions for the four handling codes, in order: public, official, restricted, confidential. */
type Four = [AccessDecision, AccessDecision, AccessDecision, AccessDecision];
const ALL_SEE: Four = ['see', 'see', 'see', 'see'];
const ALL_NONE: Four = ['none', 'none', 'none', 'none'];
const ALLOWED: Four = ['see', 'see', 'see', 'exists'];
const AWAY: Four = ['see', 'exists', 'none', 'none'];
const PUBLIC_ONLY: Four = ['see', 'none', 'none', 'none'];

interface Actor {
  label: string;
  principal: Principal | null;
  capability?: Capability; // the data's domain for this actor's rows
  /** Expected decisions for [everyone, only FR, all but BR], each over the four handling codes. */
  expect: [Four, Four, Four];
}
const ACTORS: Actor[] = [
  { label: 'owner JO officer', principal: who('JO', ['officer']), expect: [ALL_SEE, ALL_SEE, ALL_SEE] },
  { label: 'FR officer (allowed)', principal: who('FR', ['officer']), expect: [ALLOWED, ALLOWED, ALLOWED] },
  { label: 'BR officer (excluded)', principal: who('BR', ['officer']), expect: [ALLOWED, AWAY, AWAY] },
  { label: 'GS reviewer', principal: who('XG', ['gs_reviewer']), expect: [ALL_SEE, ALL_SEE, ALL_SEE] },
  { label: 'GS DPO', principal: who('XG', ['dpo']), expect: [ALL_SEE, ALL_SEE, ALL_SEE] },
  // A GS officer has no review role: the restriction treats XG like any other bureau.
  { label: 'GS officer (not listed)', principal: who('XG', ['officer']), expect: [ALLOWED, AWAY, ALLOWED] },
  // Administrators read what the public may read, and nothing else.
  {
    label: 'GS admin only',
    principal: who('XG', ['gs_admin']),
    expect: [PUBLIC_ONLY, PUBLIC_ONLY, PUBLIC_ONLY],
  },
  {
    label: 'FR bureau admin only',
    principal: who('FR', ['bureau_admin']),
    expect: [PUBLIC_ONLY, PUBLIC_ONLY, PUBLIC_ONLY],
  },
  {
    label: 'owner officer without icse, icse data',
    principal: who('JO', ['officer'], ['databases']),
    capability: 'icse',
    expect: [ALL_NONE, ALL_NONE, ALL_NONE],
  },
  {
    label: 'GS reviewer without icse, icse data',
    principal: who('XG', ['gs_reviewer'], ['databases']),
    capability: 'icse',
    expect: [ALL_NONE, ALL_NONE, ALL_NONE],
  },
  { label: 'the public', principal: null, expect: [PUBLIC_ONLY, PUBLIC_ONLY, PUBLIC_ONLY] },
  {
    label: 'the public, icse data',
    principal: null,
    capability: 'icse',
    expect: [ALL_NONE, ALL_NONE, ALL_NONE],
  },
];

const matrix = ACTORS.flatMap((a) =>
  RESTRICTIONS.flatMap(([mode, restriction], m) =>
    HANDLING_CODES.map((handling, h) => ({
      name: `${handling.padEnd(12)} · ${mode.padEnd(10)} · ${a.label} → ${a.expect[m]![h]}`,
      principal: a.principal,
      descriptor: data(handling, restriction, a.capability),
      decision: a.expect[m]![h]!,
    })),
  ),
);

describe('decideAccess matrix (owner JO)', () => {
  it.each(matrix)('$name', ({ principal, descriptor, decision }) => {
    expect(decideAccess(principal, descriptor)).toBe(decision);
    expect(explainAccess(principal, descriptor).decision).toBe(decision);
  });
});

// ---- Rule by rule, with the reason code each rule reports. ----

const frOfficer = who('FR', ['officer']);
const joOfficer = who('JO', ['officer']);
const brSystemKey: Principal = { ...who('BR', ['system'], ['screening']), type: 'api_key' };

const rules: [string, Principal | null, AccessDescriptor, AccessDecision, AccessReason][] = [
  ['1 · the public reads public data', null, data('public', onlyBr), 'see', 'public'],
  ['1 · the public reads nothing official', null, data('official', everyone), 'none', 'unauthenticated'],
  [
    '1 · the public cannot read public icse data',
    null,
    data('public', everyone, 'icse'),
    'none',
    'unauthenticated',
  ],
  [
    '2 · a bureau admin does not read police data',
    who('JO', ['bureau_admin']),
    data('official', everyone),
    'none',
    'no_data_role',
  ],
  [
    '1 · a bureau admin reads what the public may read',
    who('JO', ['bureau_admin']),
    data('public', everyone),
    'see',
    'public',
  ],
  [
    '2 · a principal with no roles reads nothing but public data',
    who('JO', []),
    data('official', everyone),
    'none',
    'no_data_role',
  ],
  [
    '2 · an admin who is also a supervisor reads',
    who('FR', ['bureau_admin', 'supervisor']),
    data('official', everyone),
    'see',
    'allowed',
  ],
  [
    '3 · the owner without the capability sees nothing',
    who('JO', ['officer'], ['databases']),
    data('official', everyone, 'icse'),
    'none',
    'missing_capability',
  ],
  [
    '3 · missing capability hides even existence',
    brSystemKey,
    data('official', onlyFr, 'icse'),
    'none',
    'missing_capability',
  ],
  [
    '3 · a border check finds screenable data it has no capability for: it only exists',
    brSystemKey,
    { ...data('official', everyone, 'databases'), screenable: true },
    'exists',
    'screening_exists',
  ],
  [
    '3 · a border check of the owner bureau also only learns that it exists',
    { ...brSystemKey, bureau: 'JO' },
    { ...data('restricted', onlyBr, 'databases'), screenable: true },
    'exists',
    'screening_exists',
  ],
  [
    '3 · a border check learns nothing of screenable data restricted away from it',
    brSystemKey,
    { ...data('restricted', onlyFr, 'databases'), screenable: true },
    'none',
    'restricted_away',
  ],
  [
    '3 · a border check does not find data that is not screenable',
    brSystemKey,
    data('official', everyone, 'databases'),
    'none',
    'missing_capability',
  ],
  [
    '3 · screening without a data role finds nothing',
    { ...brSystemKey, roles: ['bureau_admin'] },
    { ...data('official', everyone, 'databases'), screenable: true },
    'none',
    'no_data_role',
  ],
  [
    '3 · a border officer with the databases capability sees screenable data as usual',
    who('BR', ['officer'], ['screening', 'databases']),
    { ...data('official', everyone, 'databases'), screenable: true },
    'see',
    'allowed',
  ],
  [
    '4 · the owner sees confidential data restricted to others',
    joOfficer,
    data('confidential', onlyBr),
    'see',
    'owner',
  ],
  [
    '4 · the owner sees data it excluded itself from',
    joOfficer,
    data('restricted', { mode: 'except', bureaus: ['JO'] }),
    'see',
    'owner',
  ],
  [
    '4 · the owner with the capability sees icse data',
    joOfficer,
    data('confidential', onlyFr, 'icse'),
    'see',
    'owner',
  ],
  [
    '5 · the GS reviewer sees restricted data of any bureau',
    who('XG', ['gs_reviewer']),
    data('restricted', onlyBr),
    'see',
    'gs_review',
  ],
  [
    '5 · the GS DPO sees confidential data',
    who('XG', ['dpo']),
    data('confidential', onlyBr),
    'see',
    'gs_review',
  ],
  [
    '5 · the GS reviewer does not read a private exchange between bureaus',
    who('XG', ['gs_reviewer']),
    { ...data('restricted', onlyBr), privateExchange: true },
    'none',
    'restricted_away',
  ],
  [
    '5 · nor does the GS DPO',
    who('XG', ['dpo']),
    { ...data('official', onlyBr), privateExchange: true },
    'exists',
    'restricted_away_exists',
  ],
  [
    '5 · a private exchange a party opened to the GS is read by it',
    who('XG', ['gs_reviewer']),
    { ...data('restricted', { mode: 'only', bureaus: ['BR', 'XG'] }), privateExchange: true },
    'see',
    'allowed',
  ],
  [
    '5 · a DPO of a member bureau is an ordinary bureau',
    who('FR', ['dpo']),
    data('restricted', onlyBr),
    'none',
    'restricted_away',
  ],
  [
    '5 · a GS officer restricted away sees nothing',
    who('XG', ['officer']),
    data('restricted', onlyBr),
    'none',
    'restricted_away',
  ],
  [
    '6 · public icse data is seen with the capability',
    frOfficer,
    data('public', onlyBr, 'icse'),
    'see',
    'public',
  ],
  ['7 · allowed bureau sees official', frOfficer, data('official', onlyFr), 'see', 'allowed'],
  ['7 · allowed bureau sees restricted', frOfficer, data('restricted', everyone), 'see', 'allowed'],
  [
    '7 · allowed bureau only learns confidential exists',
    frOfficer,
    data('confidential', everyone),
    'exists',
    'allowed_confidential',
  ],
  ['7 · an API key is judged by its bureau', brSystemKey, data('official', exceptFr), 'see', 'allowed'],
  [
    '8 · excluded bureau learns official exists',
    frOfficer,
    data('official', exceptFr),
    'exists',
    'restricted_away_exists',
  ],
  [
    '8 · excluded bureau learns nothing of restricted',
    frOfficer,
    data('restricted', onlyBr),
    'none',
    'restricted_away',
  ],
  [
    '8 · excluded bureau learns nothing of confidential',
    frOfficer,
    data('confidential', exceptFr),
    'none',
    'restricted_away',
  ],
];

describe('explainAccess, rule by rule', () => {
  it.each(rules)('%s', (_name, principal, descriptor, decision, reason) => {
    expect(explainAccess(principal, descriptor)).toEqual({ decision, reason });
    expect(decideAccess(principal, descriptor)).toBe(decision);
  });

  it('compares bureau codes without regard to case', () => {
    expect(explainAccess(who('jo', ['officer']), data('confidential', onlyBr)).reason).toBe('owner');
    expect(decideAccess(who('fr', ['officer']), data('restricted', onlyFr))).toBe('see');
    expect(decideAccess(frOfficer, data('restricted', { mode: 'only', bureaus: ['fr'] }))).toBe('see');
    expect(explainAccess(who('xg', ['gs_reviewer']), data('restricted', onlyBr)).reason).toBe('gs_review');
  });

  it('exposes the one refusal message', () => {
    expect(NOT_FOUND_OR_NO_ACCESS).toBe('Not found or no access');
  });
});

describe('isBureauAllowed', () => {
  it('reads the three restriction modes', () => {
    expect(isBureauAllowed(everyone, 'NG')).toBe(true);
    expect(isBureauAllowed(onlyFr, 'FR')).toBe(true);
    expect(isBureauAllowed(onlyFr, 'NG')).toBe(false);
    expect(isBureauAllowed(exceptFr, 'FR')).toBe(false);
    expect(isBureauAllowed(exceptFr, 'NG')).toBe(true);
    expect(isBureauAllowed(exceptFr, 'fr')).toBe(false);
  });
});
