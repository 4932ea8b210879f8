// What every one of the 19 databases declares: its typed record schema, the rules a schema
// cannot express, and what the search indexes read from a record. The records service is
// generic; everything specific to a database lives in its definition file.
import type { TObject } from '@sinclair/typebox';
import type { Capability } from '../../../platform/auth/principal.js';

export const DATABASE_IDS = [
  'nominal',
  'fingerprints',
  'dna',
  'facial_images',
  'travel_documents',
  'administrative_documents',
  'notice_documents',
  'counterfeit_alerts',
  'genuine_documents',
  'vehicles',
  'vessels',
  'works_of_art',
  'firearms',
  'firearms_reference',
  'ballistics',
  'icse',
  'organisations',
  'cbrne',
  'maritime_piracy',
] as const;
export type DatabaseId = (typeof DATABASE_IDS)[number];

/** A problem with one field of a submitted record; `field` is a dotted path such as `data.vin`. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** What a rule check found: errors refuse the record, warnings are kept with it and shown. */
export interface CheckResult {
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

/**
 * An exact identifier the record can be found by (a document number, a VIN, a serial…).
 * `kind` is one of the definition's `identifierKinds`; the value is stored normalised by the
 * records service (see identifiers/normalise.ts), so definitions return it as written.
 */
export interface RecordIdentifier {
  kind: string;
  value: string;
}

/** The facts about one person in a record that person search compares. */
export interface PersonFacts {
  /** Every name of the person as written (any script), aliases included. */
  names: string[];
  /** Full or partial date of birth: YYYY, YYYY-MM or YYYY-MM-DD. */
  dateOfBirth?: string;
  sex?: 'female' | 'male' | 'unknown';
  /** ISO 3166-1 alpha-2 codes. */
  nationalities?: string[];
}

export interface DatabaseDefinition {
  id: DatabaseId;
  /** Its place in the catalogue, 1 to 19. */
  number: number;
  /** The capability a principal needs to read or write its records. */
  capability: Capability;
  /**
   * 'bureau': each record is owned by the bureau that recorded it.
   * 'general_secretariat': reference data kept by the General Secretariat and read by every
   * principal with the capability (the firearms reference table).
   */
  ownership: 'bureau' | 'general_secretariat';
  /**
   * Border screening checks it (stolen documents and vehicles, wanted and missing persons): a
   * principal with the `screening` capability may learn that a record exists (policy rule 3).
   */
  screenable?: boolean;
  /** Set when another capability manages the records (ICSE media): the catalogue lists it only. */
  managedBy?: 'icse';
  /** Default review period in years (5; 10 for travel documents). */
  reviewYears: number;
  /** Why a record may be closed, e.g. recovered, found, withdrawn. */
  closeReasons: readonly string[];
  /** The identifier kinds exact search offers for this database (may be empty). */
  identifierKinds: readonly string[];
  /** TypeBox schema of the record's `data` (validated by the service, not only by the route). */
  schema: TObject;
  /**
   * Turns submitted data into stored data before validation, e.g. fills the fields of a travel
   * document from its machine-readable zone. Throws nothing: problems come back as errors.
   */
  prepare?(data: Record<string, unknown>): { data: Record<string, unknown>; errors: FieldIssue[] };
  /** Rules beyond the schema, run on schema-valid data. `owner` is the recording bureau. */
  check?(data: Record<string, unknown>, owner: string): CheckResult;
  /** Exact identifiers of a schema-valid record. */
  identifiers(data: Record<string, unknown>): RecordIdentifier[];
  /** The people named in a record, for person search (absent: the database holds no persons). */
  persons?(data: Record<string, unknown>): PersonFacts[];
  /** A short title for lists and hit notices, e.g. "Passport FR 12AB34567". */
  label(data: Record<string, unknown>): string;
  /** The words free-text search reads (names, descriptions, places…). */
  text(data: Record<string, unknown>): string;
}
