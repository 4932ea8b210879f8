// The wire shapes accept what the policy understands and reject what it must never be fed.
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import {
  AccessDescriptorSchema,
  HandlingCodeSchema,
  RestrictionSchema,
  validateRestriction,
} from './access.schema.js';

describe('access schemas', () => {
  it('accepts the three restriction modes and rejects malformed ones', () => {
    expect(Value.Check(RestrictionSchema, { mode: 'everyone' })).toBe(true);
    expect(Value.Check(RestrictionSchema, { mode: 'only', bureaus: ['FR', 'XG'] })).toBe(true);
    expect(Value.Check(RestrictionSchema, { mode: 'except', bureaus: ['BR'] })).toBe(true);
    expect(Value.Check(RestrictionSchema, { mode: 'only', bureaus: [] })).toBe(false);
    expect(Value.Check(RestrictionSchema, { mode: 'only', bureaus: ['fr'] })).toBe(false);
    expect(Value.Check(RestrictionSchema, { mode: 'only', bureaus: ['FRA'] })).toBe(false);
    expect(Value.Check(RestrictionSchema, { mode: 'only', bureaus: ['FR', 'FR'] })).toBe(false);
    expect(Value.Check(RestrictionSchema, { mode: 'everyone', bureaus: ['FR'] })).toBe(false);
    expect(Value.Check(RestrictionSchema, { mode: 'some' })).toBe(false);
    const many = Array.from({ length: 201 }, (_, i) =>
      String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26)),
    );
    expect(Value.Check(RestrictionSchema, { mode: 'except', bureaus: many })).toBe(false);
    expect(Value.Check(RestrictionSchema, { mode: 'except', bureaus: many.slice(0, 200) })).toBe(true);
  });

  it('checks handling codes and whole descriptors', () => {
    expect(Value.Check(HandlingCodeSchema, 'confidential')).toBe(true);
    expect(Value.Check(HandlingCodeSchema, 'secret')).toBe(false);
    const d = { ownerBureau: 'JO', restriction: { mode: 'everyone' }, handling: 'official' };
    expect(Value.Check(AccessDescriptorSchema, d)).toBe(true);
    expect(Value.Check(AccessDescriptorSchema, { ...d, capability: 'icse' })).toBe(true);
    expect(Value.Check(AccessDescriptorSchema, { ...d, capability: 'weather' })).toBe(false);
    expect(Value.Check(AccessDescriptorSchema, { ...d, ownerBureau: 'jo' })).toBe(false);
  });
});

describe('validateRestriction', () => {
  it('refuses an owner that excludes itself, and nothing else', () => {
    expect(validateRestriction('JO', { mode: 'except', bureaus: ['FR', 'JO'] })).toMatch(/JO/);
    expect(validateRestriction('jo', { mode: 'except', bureaus: ['JO'] })).not.toBeNull();
    expect(validateRestriction('JO', { mode: 'except', bureaus: ['FR'] })).toBeNull();
    expect(validateRestriction('JO', { mode: 'only', bureaus: ['FR'] })).toBeNull();
    expect(validateRestriction('JO', { mode: 'everyone' })).toBeNull();
  });
});
