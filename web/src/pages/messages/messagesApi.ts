// The shapes the messaging API answers with, its vocabulary, and the queries shared by the pages.
import { useQuery } from '@tanstack/react-query';
import { api, type Principal } from '../../lib/api';

export const PRIORITIES = ['routine', 'urgent', 'immediate'] as const;
export const HANDLING = ['police_use_only', 'no_judicial_use', 'no_onward_transmission', 'other'] as const;
export const REGIONS = [
  'africa',
  'americas',
  'asia_south_pacific',
  'europe',
  'middle_east_north_africa',
] as const;
export const MESSAGE_LANGUAGES = ['ar', 'en', 'fr', 'es'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The General Secretariat's bureau code. */
export const GS = 'XG';

export interface Addressees {
  bureaus?: string[];
  units?: string[];
  regions?: string[];
  allBureaus?: boolean;
  generalSecretariat?: boolean;
}

export interface Delivery {
  bureau: string;
  unit: string | null;
  copy: boolean;
  deliveredAt: string | null;
  readAt: string | null;
  acknowledgedAt: string | null;
  answeredAt: string | null;
}

export interface MessageSummary {
  id: string;
  threadId: string;
  inReplyTo: string | null;
  senderBureau: string;
  senderName: string;
  subject: string;
  snippet: string;
  priority: string;
  handling: string;
  createdAt: string;
  recipientCount: number;
  mine: Delivery | null;
}

export interface Message {
  id: string;
  threadId: string;
  inReplyTo: string | null;
  forwardedFrom: string | null;
  sender: { bureau: string; unit: string | null; name: string };
  addressed: { to: Addressees; cc: Addressees | null } | null;
  subject: string;
  body: string;
  language: string;
  priority: string;
  handling: string;
  handlingNote: string | null;
  references: { type: string; id: string }[];
  template: string | null;
  createdAt: string;
  recipients: Delivery[];
  attachments: { id: string; name: string; mediaType: string; size: number; sha256: string }[];
  signature: { kid: string; bureau: string; valid: boolean };
  gsAccess: boolean;
}

export interface Template {
  id: string;
  fields: string[];
  title: Record<string, string>;
  languages: string[];
}

export type Box = 'inbox' | 'sent';

/** Whoever may read messages: the messaging capability. */
export const mayReadMessages = (p: Principal | null) => Boolean(p?.capabilities.includes('messaging'));
/** Sending, replying, forwarding: an officer or supervisor with the capability. */
export const maySendMessages = (p: Principal | null) =>
  mayReadMessages(p) && Boolean(p?.roles.some((r) => r === 'officer' || r === 'supervisor'));

/** How many messages the reader's bureau (or unit) has not read: refreshed by the event stream. */
export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: ['messages', 'unread'],
    queryFn: () => api.get<{ count: number }>('/messages/unread'),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: ['messaging', 'templates'],
    queryFn: () => api.get<{ items: Template[] }>('/messaging/templates'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A title in the console's language, else English. */
export const titleIn = (titles: Record<string, string>, lang: string) =>
  titles[lang] ?? titles.en ?? Object.values(titles)[0] ?? '';

// The working language of a bureau, where one of the four is plainly the country's: the Arab
// states (the Middle East and North Africa region, and the Arab League members of Africa),
// the Spanish- and the French-speaking countries. Anything else: English.
const ARABIC_AFRICA = new Set(['DJ', 'KM', 'SO']);
const SPANISH = new Set('AR BO CL CO CR CU DO EC ES GQ GT HN MX NI PA PE PY SV UY VE'.split(' '));
const FRENCH = new Set('BE BF BI BJ CD CF CG CH CI CM FR GA GN HT LU MC MG ML NE SN TD TG'.split(' '));

export function languageOfBureau(code: string, region: string | undefined): MessageLanguage | null {
  if (code === GS) return null;
  if (region === 'middle_east_north_africa' || ARABIC_AFRICA.has(code)) return 'ar';
  if (SPANISH.has(code)) return 'es';
  if (FRENCH.has(code)) return 'fr';
  return region ? 'en' : null;
}

/** Base64 of a file's bytes, in slices (a spread of a whole large file would overflow the stack). */
export function toBase64(buffer: ArrayBuffer): string {
  let s = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
