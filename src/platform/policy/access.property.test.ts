// Properties of the access policy over generated principals and data (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, type Capability, type Principal, ROLES, type Role } from '../auth/principal.js';
import {
  type AccessDecision,
  type AccessDescriptor,
  decideAccess,
  HANDLING_CODES,
  type Restriction,
} from './access.js';

const BUREAUS = ['FR', 'JO', 'BR', 'NG', 'JP', 'US', 'XG'];
const rank: Record<AccessDecision, number> = { none: 0, exists: 1, see: 2 };
const DATA_ROLES: Role[] = ['officer', 'supervisor', 'dpo', 'gs_reviewer', 'system'];

const bureau = fc.constantFrom(...BUREAUS);
const principal: fc.Arbitrary<Principal> = fc.record({
  type: fc.constantFrom('user' as const, 'api_key' as const),
  id: fc.uuid(),
  name: fc.string(),
  bureau,
  unitId: fc.constant(null),
  roles: fc.subarray([...ROLES]),
  capabilities: fc.subarray([...CAPABILITIES]),
});
const restriction: fc.Arbitrary<Restriction> = fc.oneof(
  fc.constant({ mode: 'everyone' as const }),
  fc.record({ mode: fc.constant('only' as const), bureaus: fc.uniqueArray(bureau, { minLength: 1 }) }),
  fc.record({ mode: fc.constant('except' as const), bureaus: fc.uniqueArray(bureau, { minLength: 1 }) }),
);
const descriptor: fc.Arbitrary<AccessDescriptor> = fc.record(
  {
    ownerBureau: bureau,
    restriction,
    handling: fc.constantFrom(...HANDLING_CODES),
    capability: fc.constantFrom(...CAPABILITIES),
  },
  { requiredKeys: ['ownerBureau', 'restriction', 'handling'] },
);

const hasDataRole = (p: Principal) => p.roles.some((r) => DATA_ROLES.includes(r));
const hasCap = (p: Principal, c?: Capability) => !c || p.capabilities.includes(c);
const excluded = (r: Restriction, b: string) =>
  (r.mode === 'only' && !r.bureaus.includes(b)) || (r.mode === 'except' && r.bureaus.includes(b));

describe('access policy properties', () => {
  it('never throws and always answers one of see, exists, none', () => {
    fc.assert(
      fc.property(fc.option(principal, { nil: null }), descriptor, (p, d) => {
        expect(['see', 'exists', 'none']).toContain(decideAccess(p, d));
      }),
    );
  });

  it('the owner with a data role and the capability always sees', () => {
    fc.assert(
      fc.property(principal, descriptor, (p, d) => {
        fc.pre(hasDataRole(p) && hasCap(p, d.capability));
        expect(decideAccess(p, { ...d, ownerBureau: p.bureau })).toBe('see');
      }),
    );
  });

  it('without the capability of the data, nothing — whoever asks', () => {
    fc.assert(
      fc.property(fc.option(principal, { nil: null }), descriptor, (p, d) => {
        fc.pre(d.capability !== undefined && (p === null || !p.capabilities.includes(d.capability)));
        expect(decideAccess(p, d)).toBe('none');
      }),
    );
  });

  it('a principal with no data role reads only public data', () => {
    fc.assert(
      fc.property(principal, descriptor, (p, d) => {
        fc.pre(!hasDataRole(p));
        const expected = d.handling === 'public' && !d.capability ? 'see' : 'none';
        expect(decideAccess(p, d)).toBe(expected);
      }),
    );
  });

  it('a bureau restricted away never sees non-public data, unless owner or GS reviewer/DPO', () => {
    fc.assert(
      fc.property(principal, descriptor, (p, d) => {
        const gsReview = p.bureau === 'XG' && p.roles.some((r) => r === 'gs_reviewer' || r === 'dpo');
        fc.pre(
          excluded(d.restriction, p.bureau) &&
            p.bureau !== d.ownerBureau &&
            !gsReview &&
            d.handling !== 'public',
        );
        expect(decideAccess(p, d)).not.toBe('see');
      }),
    );
  });

  it('opening the data to everyone never lowers what anyone gets', () => {
    fc.assert(
      fc.property(fc.option(principal, { nil: null }), descriptor, (p, d) => {
        const narrow = decideAccess(p, d);
        const wide = decideAccess(p, { ...d, restriction: { mode: 'everyone' } });
        expect(rank[wide]).toBeGreaterThanOrEqual(rank[narrow]);
      }),
    );
  });

  it('a stricter handling code never raises what anyone gets', () => {
    fc.assert(
      fc.property(fc.option(principal, { nil: null }), descriptor, (p, d) => {
        const decisions = HANDLING_CODES.map((h) => rank[decideAccess(p, { ...d, handling: h })]);
        for (let i = 1; i < decisions.length; i++)
          expect(decisions[i]).toBeLessThanOrEqual(decisions[i - 1]!);
      }),
    );
  });

  it('the public sees only public data of no capability', () => {
    fc.assert(
      fc.property(descriptor, (d) => {
        const expected = d.handling === 'public' && !d.capability ? 'see' : 'none';
        expect(decideAccess(null, d)).toBe(expected);
      }),
    );
  });
});
