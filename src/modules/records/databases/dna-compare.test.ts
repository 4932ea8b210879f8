import { describe, expect, it } from 'vitest';
import { compareProfiles } from './dna-compare.js';

const profile = {
  D3S1358: ['15', '17'],
  vWA: ['16', '18'],
  FGA: ['21', '24'],
  TH01: ['6', '9.3'],
  D8S1179: ['13', '14'],
  D21S11: ['29', '30'],
  D18S51: ['14', '16'],
  D5S818: ['11', '12'],
  AMEL: ['X', 'Y'],
};

describe('STR profile comparison', () => {
  it('is a full match when every shared locus agrees on at least 8 loci, allele order aside', () => {
    const c = compareProfiles({ ...profile, vWA: ['18', '16'] }, profile);
    expect(c.matchClass).toBe('full');
    expect(c.mismatching).toEqual([]);
    expect(c.matching).toHaveLength(9);
  });

  it('treats a homozygous locus written once or twice the same', () => {
    const c = compareProfiles({ ...profile, TH01: ['9.3', '9.3'] }, { ...profile, TH01: ['9.3'] });
    expect(c.matching).toContain('TH01');
  });

  it('is partial with one mismatch and enough matching loci, and names the mismatch', () => {
    const c = compareProfiles({ ...profile, FGA: ['22', '24'] }, profile);
    expect(c.matchClass).toBe('partial');
    expect(c.mismatching).toEqual(['FGA']);
  });

  it('is no match with two mismatches or too few shared loci', () => {
    expect(compareProfiles({ ...profile, FGA: ['22', '24'], vWA: ['15', '16'] }, profile).matchClass).toBe(
      'none',
    );
    const few = { D3S1358: ['15', '17'], vWA: ['16', '18'], FGA: ['21', '24'] };
    expect(compareProfiles(few, profile).matchClass).toBe('none');
  });

  it('compares locus names case-insensitively', () => {
    expect(compareProfiles({ VWA: ['16', '18'] }, { vWA: ['16', '18'] }).matching).toEqual(['VWA']);
  });
});
