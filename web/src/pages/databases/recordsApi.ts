// The shapes the criminal-databases API answers with, and small helpers around them.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type JsonSchema = {
  type?: string;
  title?: string;
  description?: string;
  enum?: string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
};

export interface DatabaseInfo {
  id: string;
  number: number;
  capability: string;
  ownership: string;
  managedBy: string | null;
  reviewYears: number;
  closeReasons: string[];
  identifierKinds: string[];
  holdsPersons: boolean;
  needsLegalBasis: boolean;
  legalBasisWhenPersons: boolean;
  canRead: boolean;
  canCreate: boolean;
  ownRecords: number;
  schema: JsonSchema;
}

export type Restriction = { mode: 'everyone' } | { mode: 'only' | 'except'; bureaus: string[] };
export interface FieldIssue {
  field: string;
  message: string;
}

export interface RecordDto {
  access: 'see';
  id: string;
  database: string;
  reference: string;
  ownerBureau: string;
  ownerUnit: string | null;
  status: 'active' | 'closed';
  closeReason: string | null;
  closedAt: string | null;
  restriction: Restriction;
  handling: string;
  purpose: string;
  legalBasis: string | null;
  reviewDate: string;
  sourceReliability: string;
  infoAccuracy: number;
  data: Record<string, unknown>;
  warnings: FieldIssue[];
  label: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface RecordExists {
  access: 'exists';
  id: string;
  database: string;
  ownerBureau: string;
}

export interface SearchResult {
  access: 'see' | 'exists';
  match: string;
  hitId: string | null;
  detail: {
    kind?: string;
    score?: number;
    reasons?: string[];
    matching?: string[];
    mismatching?: string[];
    matchClass?: string;
    /** Person screening: whether the score reaches the matching threshold. */
    match?: boolean;
  };
  record: RecordDto | RecordExists;
}

export interface Hit {
  id: string;
  at: string;
  recordId: string;
  database: string;
  ownerBureau: string;
  recordLabel: string | null;
  recordReference: string | null;
  searcher: { type: string; name: string; bureau: string; unitId: string | null; unitName: string | null };
  purpose: string;
  searchKind: string;
  query: string;
  access: string;
  match: string;
  seenByOwnerAt: string | null;
  replies: { id: string; at: string; author: string; bureau: string; message: string }[];
}

export interface ImportDto {
  id: string;
  database: string;
  format: string;
  mode: string;
  status: 'running' | 'done' | 'rolled_back' | 'failed';
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Rejected rows; the number is `row` (1-based record in the file), `line` in older servers. */
  rows: { row?: number; line?: number; reference: string | null; errors: FieldIssue[] }[];
  error: string | null;
  createdAt?: string;
  finishedAt?: string | null;
  createdBy?: string;
}

export const HANDLING = ['public', 'official', 'restricted', 'confidential'];
export const RELIABILITY = ['A', 'B', 'C', 'X'];

export function useCatalogue() {
  return useQuery({
    queryKey: ['databases'],
    queryFn: () => api.get<{ items: DatabaseInfo[] }>('/databases'),
    staleTime: 60_000,
  });
}

export function useDatabase(id: string | undefined) {
  const catalogue = useCatalogue();
  return { ...catalogue, database: catalogue.data?.items.find((d) => d.id === id) };
}
