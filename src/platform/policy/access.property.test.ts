// Properties of the access policy over generated principals and data (fast-check): the
// guarantees the rest of Meridian builds on, checked far beyond the hand-written table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, type Capability, type Principal, ROLES, type Role } from '../auth/principal.js';
import {
  type AccessDecision,
  type AccessDescriptor,
  decideAccess,
  explainAccess,
  HANDLING_CODES,
  type Restriction,
} from './access.js';

// A small set, so owners, listed bureaus and the General Secretariat collide often.
const BUREAUS = ['FR', 'JO', 'BR', 'NG', 'XG'];
const rank: Record<AccessDecision, number> = { none: 0, exists: 1, see: 2 };
const DATA_ROLES: Role[] = ['officer', 'supervisor', 'dpo', 'gs_reviewer', 'system'];

const bureau = fc.constantFrom(...BUREAUS);
const bureauList = fc.uniqueArray(bureau, { minLength: 1 });
const principal: fc.Arbitrary<Principal> = fc.record({
  type: fc.constantFrom('user' as const, 'api_key' as const),
  id: fc.uuid(),
  name: fc.string(),
  bureau,
  unitId: fc.option(fc.uuid(), { nil: null }),
  roles: fc.subarray([...ROLES]),
  capabilities: fc.subarray([...CAPABILITIES]),
});
const maybePrincipal = fc.option(principal, { nil: null });
const restriction: fc.Arbitrary<Restriction> = fc.oneof(
  fc.constant({ mode: 'everyone' as const }),
  fc.record({ mode: fc.constant('only' as const), bureaus: bureauList }),
  fc.record({ mode: fc.constant('except' as const), bureaus: bureauList }),
);
const descriptor: fc.Arbitrary<AccessDescriptor> = fc.record(
  {
    ownerBureau: bureau,
    restriction,
    handling: fc.constantFrom(...HANDLING_CODES),
    capability: fc.constantFrom(...CAPABILITIES),
    screenable: fc.boolean(),
  },
  { requiredKeys: ['ownerBureau', 'restriction', 'handling'] },
);

const hasDataRole = (p: Principal) => p.roles.some((r) => DATA_ROLES.includes(r));
const hasCap = (p: Principal, c?: Capability) => !c || p.capabilities.includes(c);
const isGsReviewer = (p: Principal) =>
  p.bureau === 'XG' && p.roles.some((r) => r === 'gs_reviewer' || r === 'dpo');
const excluded = (r: Restriction, b: string) =>
  (r.mode === 'only' && !r.bureaus.includes(b)) || (r.mode === 'except' && r.bureaus.includes(b));
const publicNoCap = (d: AccessDescriptor) => d.handling === 'public' && !d.capability;

describe('access policy properties', () => {
  it('is deterministic, never throws, and its decision matches its explanation', () => {
    fc.assert(
      fc.property(maybePrincipal, descriptor, (p, d) => {
        const a = decideAccess(p, d);
        expect(['see', 'exists', 'none']).toContain(a);
        expect(decideAccess(p, d)).toBe(a);
        expect(explainAccess(p, d).decision).toBe(a);
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

  it('a GS reviewer or DPO with the capability always sees', () => {
    fc.assert(
      fc.property(principal, descriptor, (p, d) => {
        fc.pre(isGsReviewer(p) && hasCap(p, d.capability));
        expect(decideAccess(p, d)).toBe('see');
      }),
    );
  });

  it('without the capability of the data, nothing — whoever asks', () => {
    fc.assert(
      fc.property(maybePrincipal, descriptor, (p, d) => {
        fc.pre(d.capability !== undefined && (p === null || !p.capabilities.includes(d.capability)));
        fc.pre(!d.screenable || p === null || !p.capabilities.includes('screening'));
        expect(decideAccess(p, d)).toBe('none');
      }),
    );
  });

  it('a border check of screenable data never sees it; it exists only where the capability would show it', () => {
    fc.assert(
      fc.property(principal, descriptor, (p, d) => {
        fc.pre(d.capability !== undefined && !p.capabilities.includes(d.capability));
        fc.pre(d.screenable === true && p.capabilities.includes('screening'));
        const withCapability = { ...p, capabilities: [...p.capabilities, d.capability!] };
        const expected = decideAccess(withCapability, d) === 'none' ? 'none' : 'exists';
        expect(decideAccess(p, d)).toBe(expected);
      }),
    );
  });

  it('a principal with no data role (administrators only) reads only what the public may', () => {
    fc.assert(
      fc.property(principal, descriptor, (p, d) => {
        fc.pre(!hasDataRole(p));
        expect(decideAccess(p, d)).toBe(decideAccess(null, d));
      }),
    );
  });

  it('a bureau restricted away never sees, unless owner, GS reviewer/DPO, or the data is public', () => {
    fc.assert(
      fc.property(principal, descriptor, (p, d) => {
        fc.pre(excluded(d.restriction, p.bureau));
        fc.pre(p.bureau !== d.ownerBureau && !isGsReviewer(p) && d.handling !== 'public');
        expect(decideAccess(p, d)).not.toBe('see');
      }),
    );
  });

  it('widening the restriction never lowers what anyone gets', () => {
    fc.assert(
      fc.property(maybePrincipal, descriptor, bureauList, (p, d, more) => {
        const narrow = rank[decideAccess(p, d)];
        // To everyone, the widest of all.
        expect(rank[decideAccess(p, { ...d, restriction: { mode: 'everyone' } })]).toBeGreaterThanOrEqual(
          narrow,
        );
        // Listing more bureaus under 'only', or fewer under 'except'.
        const r = d.restriction;
        const wider: Restriction =
          r.mode === 'only'
            ? { mode: 'only', bureaus: [...new Set([...r.bureaus, ...more])] }
            : r.mode === 'except'
              ? { mode: 'except', bureaus: r.bureaus.filter((b) => !more.includes(b)) }
              : r;
        if (wider.mode !== 'except' || wider.bureaus.length > 0) {
          expect(rank[decideAccess(p, { ...d, restriction: wider })]).toBeGreaterThanOrEqual(narrow);
        }
      }),
    );
  });

  it('a stricter handling code never raises what anyone gets', () => {
    fc.assert(
      fc.property(maybePrincipal, descriptor, (p, d) => {
        const ranks = HANDLING_CODES.map((h) => rank[decideAccess(p, { ...d, handling: h })]);
        for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeLessThanOrEqual(ranks[i - 1]!);
      }),
    );
  });

  it('the public sees only public data of no capability, and nothing else exists for it', () => {
    fc.assert(
      fc.property(descriptor, (d) => {
        expect(decideAccess(null, d)).toBe(publicNoCap(d) ? 'see' : 'none');
      }),
    );
  });

  it('the case of bureau codes does not matter', () => {
    const lower = (r: Restriction): Restriction =>
      r.mode === 'everyone' ? r : { ...r, bureaus: r.bureaus.map((b) => b.toLowerCase()) };
    fc.assert(
      fc.property(principal, descriptor, (p, d) => {
        const mixed = decideAccess(
          { ...p, bureau: p.bureau.toLowerCase() },
          { ...d, ownerBureau: d.ownerBureau.toLowerCase(), restriction: lower(d.restriction) },
        );
        expect(mixed).toBe(decideAccess(p, d));
      }),
    );
  });
});
