// Identifier entities are keyed by kind and a normalised value, so that the same phone written
// "+44 (0)20 7946 0018" and "0044 20 7946 0018" by two bureaus is one node of the network.
import { isValidIBAN } from 'ibantools';
import type { EntityKind } from './networks.types.js';

/** The normalised value, or an error message naming what is wrong with it. */
export function normaliseEntity(kind: EntityKind, raw: string): { value: string } | { error: string } {
  const text = raw.normalize('NFKC').trim();
  switch (kind) {
    case 'phone': {
      // E.164-ish: digits only, an international prefix written 00 becomes +, a trunk "(0)" drops.
      let t = text.replace(/\(0\)/g, '');
      if (t.startsWith('00')) t = `+${t.slice(2)}`;
      const digits = t.replace(/[^\d]/g, '');
      if (!t.startsWith('+')) return { error: 'must be in international form, starting with + or 00' };
      if (digits.length < 7 || digits.length > 15) return { error: 'must have 7 to 15 digits (E.164)' };
      return { value: `+${digits}` };
    }
    case 'email': {
      const v = text.toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || v.length > 254)
        return { error: 'is not an e-mail address' };
      return { value: v };
    }
    case 'bank_account': {
      const v = text.replace(/[\s-]/g, '').toUpperCase();
      if (!/^[A-Z0-9]{5,34}$/.test(v))
        return { error: 'must be an IBAN or an account number (5–34 letters and digits)' };
      // An IBAN-shaped value must be a valid IBAN: a typo would otherwise make a second node.
      if (/^[A-Z]{2}\d{2}/.test(v) && !isValidIBAN(v)) return { error: 'is not a valid IBAN (check digits)' };
      return { value: v };
    }
    case 'document_number': {
      const v = text.replace(/[\s-]/g, '').toUpperCase();
      if (!/^[A-Z0-9<]{3,40}$/.test(v)) return { error: 'must be 3–40 letters and digits' };
      return { value: v.replace(/</g, '') };
    }
  }
}
