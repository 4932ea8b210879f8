import { describe, expect, it } from 'vitest';
import { imoValid, mrzCheckDigit, vinProblems } from './check-digits.js';

describe('VIN (ISO 3779)', () => {
  it('accepts a VIN with a correct check digit', () => {
    expect(vinProblems('1M8GDM9AXKP042788')).toEqual({});
  });
  it('warns, not refuses, on a wrong check digit', () => {
    expect(vinProblems('1M8GDM9A1KP042788').warning).toMatch(/should be X/);
    expect(vinProblems('1M8GDM9A1KP042788').error).toBeUndefined();
  });
  it('refuses I, O and Q and wrong characters', () => {
    expect(vinProblems('1M8GDM9AXKP04278O').error).toMatch(/I, O or Q/);
    expect(vinProblems('1M8GDM9AXKP04278-').error).toBeDefined();
  });
  it('warns on a short pre-1981 number', () => {
    expect(vinProblems('F10GCR12345').warning).toMatch(/pre-1981/);
  });
});

describe('IMO number', () => {
  it('validates the check digit', () => {
    expect(imoValid('9074729')).toBe(true);
    expect(imoValid('IMO 9074729')).toBe(true);
    expect(imoValid('9074728')).toBe(false);
    expect(imoValid('907472')).toBe(false);
  });
});

describe('ICAO 9303 check digit', () => {
  it('matches the specimen passport', () => {
    expect(mrzCheckDigit('L898902C3')).toBe(6);
    expect(mrzCheckDigit('740812')).toBe(2);
    expect(mrzCheckDigit('120415')).toBe(9);
  });
});
