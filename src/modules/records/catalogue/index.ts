// The 19 databases, in catalogue order. Each definition lives in src/modules/records/databases/.
import {
  administrativeDocuments,
  counterfeitAlerts,
  genuineDocuments,
  noticeDocuments,
  travelDocuments,
} from '../databases/documents.js';
import { ballistics, firearms, firearmsReference } from '../databases/firearms.js';
import { cbrne, icse, maritimePiracy, organisations } from '../databases/intelligence.js';
import { dna, facialImages, fingerprints, nominal } from '../databases/persons.js';
import { vehicles, vessels, worksOfArt } from '../databases/property.js';
import type { DatabaseDefinition, DatabaseId } from './catalogue.types.js';

export const CATALOGUE: readonly DatabaseDefinition[] = [
  nominal,
  fingerprints,
  dna,
  facialImages,
  travelDocuments,
  administrativeDocuments,
  noticeDocuments,
  counterfeitAlerts,
  genuineDocuments,
  vehicles,
  vessels,
  worksOfArt,
  firearms,
  firearmsReference,
  ballistics,
  icse,
  organisations,
  cbrne,
  maritimePiracy,
];

const BY_ID = new Map(CATALOGUE.map((d) => [d.id, d]));

export function definitionOf(id: DatabaseId): DatabaseDefinition {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`no database ${id}`);
  return def;
}
