// The vocabulary of messages: priorities, handling codes (what a recipient may do with it),
// what a message may refer to, and how a sender addresses it.
import { REGIONS } from '../bureaus/bureaus.data.js';

export const PRIORITIES = ['routine', 'urgent', 'immediate'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * Handling codes: police use only; not for judicial use without the sender's permission; not to
 * be passed on without the sender's permission (forwarding then needs it recorded); or another
 * restriction stated in `handlingNote`.
 */
export const MESSAGE_HANDLING = [
  'police_use_only',
  'no_judicial_use',
  'no_onward_transmission',
  'other',
] as const;
export type MessageHandling = (typeof MESSAGE_HANDLING)[number];

export const REFERENCE_TYPES = ['record', 'notice', 'payment_case', 'message'] as const;
export type MessageReference = { type: (typeof REFERENCE_TYPES)[number]; id: string };

export const MESSAGE_LANGUAGES = ['ar', 'en', 'es', 'fr'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export { REGIONS };

/** Whom a message goes to, as the sender chose: bureaus, units, regions, all bureaus, the GS. */
export interface Addressees {
  bureaus?: string[];
  units?: string[];
  regions?: string[];
  allBureaus?: boolean;
  generalSecretariat?: boolean;
}

/** One delivery of a message: a bureau as a whole (unit '') or one of its units. */
export interface Recipient {
  bureau: string;
  unit: string;
  copy: boolean;
}
