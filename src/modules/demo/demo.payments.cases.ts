// The demo's payment interventions over the last six months, as data: who reported what and
// when, where the money went, and what each receiving bureau did and when (minutes after the
// report). demo.payments.ts plays them through the payments service. Every outcome appears:
// frozen, partly frozen, moved on and chased to another country, returned, released, not found,
// and requests still waiting (one within its time, one overdue, a chase nobody has answered).
// Victims, beneficiaries and accounts are invented.
import type { OutcomeInput } from '../payments/payments.service.js';
import type { FraudType } from '../payments/payments.types.js';
import { ACCOUNTS, type DemoAccount } from './demo.payments.accounts.js';

export interface DemoTransfer {
  amountMinor: string;
  currency: string;
  to: DemoAccount;
  beneficiary: string;
  reference?: string;
  /** Days before the report that the money left. */
  daysBefore: number;
}

/** A step `after` minutes from the report, on the case itself or (`chase`) on the chase its moved-on money opened. */
interface At {
  after: number;
  chase?: boolean;
}
export type DemoOutcomeStep = At & {
  act: 'outcome';
  transfer: number;
  outcome: OutcomeInput['outcome'];
  frozenMinor?: string;
  returnedMinor?: string;
  note?: string;
  movedTo?: DemoAccount;
};
export type DemoStep =
  | (At & { act: 'acknowledge' | 'forward'; bureau: string })
  | DemoOutcomeStep
  /** The overdue clock runs at this time (what the minute job would have flagged then). */
  | (At & { act: 'clock' });

export interface DemoPaymentCase {
  /** The victim's bureau, in lower case: its central office's officer opens the case. */
  bureau: string;
  /** When the victim reported it: days ago at a time of day (UTC), or hours ago. */
  reported: { daysAgo: number; at: string } | { hoursAgo: number };
  openedAfter: number;
  fraudType: FraudType;
  victim: { kind: 'person' | 'company'; name: string; country: string };
  summary: string;
  transfers: DemoTransfer[];
  steps: DemoStep[];
}

const HOUR = 60;
const DAY = 24 * HOUR;

export const DEMO_PAYMENT_CASES: DemoPaymentCase[] = [
  {
    bureau: 'fr',
    reported: { daysAgo: 172, at: '08:40' },
    openedAfter: 25,
    fraudType: 'business_email_compromise',
    victim: { kind: 'company', name: 'Ateliers Rocher SAS', country: 'FR' },
    summary: "A supplier's bank details were changed by e-mail; the invoice was paid to Lagos.",
    transfers: [
      {
        amountMinor: '185000000',
        currency: 'USD',
        to: ACCOUNTS.ngFirst,
        beneficiary: 'Westline Trading Ltd',
        reference: 'INV-2026-0418',
        daysBefore: 1,
      },
    ],
    steps: [
      { after: 65, act: 'acknowledge', bureau: 'NG' },
      { after: 80, act: 'forward', bureau: 'NG' },
      { after: 3 * HOUR + 10, act: 'outcome', transfer: 0, outcome: 'frozen' },
      { after: 35 * DAY, act: 'outcome', transfer: 0, outcome: 'returned', note: 'Court order' },
    ],
  },
  {
    bureau: 'us',
    reported: { daysAgo: 165, at: '15:05' },
    openedAfter: 40,
    fraudType: 'romance',
    victim: { kind: 'person', name: 'Harold Jennings', country: 'US' },
    summary: 'Online relationship; money sent for a "customs fee" and a "medical emergency".',
    transfers: [
      {
        amountMinor: '1850000000',
        currency: 'NGN',
        to: ACCOUNTS.ngZenith,
        beneficiary: 'Kelechi Amadi',
        daysBefore: 2,
      },
      {
        amountMinor: '4200000',
        currency: 'USD',
        to: ACCOUNTS.ngGtb,
        beneficiary: 'Kelechi Amadi',
        daysBefore: 1,
      },
    ],
    steps: [
      { after: 90, act: 'acknowledge', bureau: 'NG' },
      { after: 100, act: 'forward', bureau: 'NG' },
      { after: 4 * HOUR, act: 'outcome', transfer: 0, outcome: 'partly_frozen', frozenMinor: '1120000000' },
      { after: 5 * HOUR, act: 'outcome', transfer: 1, outcome: 'not_found', note: 'Account closed' },
    ],
  },
  {
    bureau: 'jo',
    reported: { daysAgo: 158, at: '07:30' },
    openedAfter: 20,
    fraudType: 'investment',
    victim: { kind: 'company', name: 'Petra Logistics Co.', country: 'JO' },
    summary: 'Fake foreign-exchange platform; the deposit was taken from a Paris account onwards.',
    transfers: [
      {
        amountMinor: '64000000',
        currency: 'EUR',
        to: ACCOUNTS.frBnp,
        beneficiary: 'Orion Capital Markets SARL',
        reference: 'DEP-77120',
        daysBefore: 2,
      },
    ],
    steps: [
      { after: 55, act: 'acknowledge', bureau: 'FR' },
      { after: 70, act: 'forward', bureau: 'FR' },
      {
        after: 2 * HOUR + 45,
        act: 'outcome',
        transfer: 0,
        outcome: 'moved_on',
        frozenMinor: '9000000',
        movedTo: ACCOUNTS.brItau,
      },
      { chase: true, after: 3 * HOUR + 30, act: 'acknowledge', bureau: 'BR' },
      { chase: true, after: 6 * HOUR, act: 'outcome', transfer: 0, outcome: 'frozen' },
      { chase: true, after: 42 * DAY, act: 'outcome', transfer: 0, outcome: 'returned' },
    ],
  },
  {
    bureau: 'br',
    reported: { daysAgo: 150, at: '13:15' },
    openedAfter: 30,
    fraudType: 'phishing',
    victim: { kind: 'person', name: 'Luíza Fernandes', country: 'BR' },
    summary: 'A fake bank text message; savings transferred to a US account.',
    transfers: [
      {
        amountMinor: '9650000',
        currency: 'USD',
        to: ACCOUNTS.usBofa,
        beneficiary: 'Marcus Hale',
        daysBefore: 0,
      },
    ],
    steps: [
      { after: 2 * HOUR, act: 'acknowledge', bureau: 'US' },
      { after: 5 * HOUR + 20, act: 'outcome', transfer: 0, outcome: 'frozen' },
    ],
  },
  {
    bureau: 'fr',
    reported: { daysAgo: 141, at: '10:50' },
    openedAfter: 15,
    fraudType: 'impersonation',
    victim: { kind: 'company', name: 'Coopérative Viticole du Lauragais', country: 'FR' },
    summary: 'A caller posing as the chairman ordered an urgent, confidential transfer to Amman.',
    transfers: [
      {
        amountMinor: '310000000',
        currency: 'JOD',
        to: ACCOUNTS.joArab,
        beneficiary: 'Al Noor General Trading',
        reference: 'ACQ-CONF-12',
        daysBefore: 1,
      },
    ],
    steps: [
      { after: 50, act: 'acknowledge', bureau: 'JO' },
      { after: 3 * HOUR + 40, act: 'outcome', transfer: 0, outcome: 'frozen' },
      { after: 28 * DAY, act: 'outcome', transfer: 0, outcome: 'returned' },
    ],
  },
  {
    bureau: 'jp',
    reported: { daysAgo: 133, at: '02:10' },
    openedAfter: 35,
    fraudType: 'investment',
    victim: { kind: 'person', name: 'Yamamoto Haruto', country: 'JP' },
    summary: 'Crypto-asset "fund" advertised on social media; the money left the US account at once.',
    transfers: [
      {
        amountMinor: '120000000',
        currency: 'USD',
        to: ACCOUNTS.usChase,
        beneficiary: 'Bluecrest Digital LLC',
        daysBefore: 1,
      },
    ],
    steps: [
      { after: HOUR + 30, act: 'acknowledge', bureau: 'US' },
      {
        after: 4 * HOUR,
        act: 'outcome',
        transfer: 0,
        outcome: 'moved_on',
        movedTo: ACCOUNTS.ngGtb,
        note: 'Wired on the same day',
      },
      { chase: true, after: 5 * HOUR, act: 'acknowledge', bureau: 'NG' },
      { chase: true, after: 5 * HOUR + 15, act: 'forward', bureau: 'NG' },
      {
        chase: true,
        after: 8 * HOUR + 30,
        act: 'outcome',
        transfer: 0,
        outcome: 'partly_frozen',
        frozenMinor: '73500000',
      },
    ],
  },
  {
    bureau: 'ng',
    reported: { daysAgo: 120, at: '09:00' },
    openedAfter: 20,
    fraudType: 'business_email_compromise',
    victim: { kind: 'company', name: 'Delta Coastal Oil Services Ltd', country: 'NG' },
    summary: 'Two payments to a look-alike supplier in Lyon after a mailbox was taken over.',
    transfers: [
      {
        amountMinor: '150000000',
        currency: 'EUR',
        to: ACCOUNTS.frLcl,
        beneficiary: 'Rhône Industrial Supplies',
        reference: 'PO-55821',
        daysBefore: 3,
      },
      {
        amountMinor: '80000000',
        currency: 'GBP',
        to: ACCOUNTS.frLcl,
        beneficiary: 'Rhône Industrial Supplies',
        reference: 'PO-55822',
        daysBefore: 1,
      },
    ],
    steps: [
      { after: 45, act: 'acknowledge', bureau: 'FR' },
      { after: 55, act: 'forward', bureau: 'FR' },
      { after: 2 * HOUR, act: 'outcome', transfer: 0, outcome: 'frozen' },
      { after: 2 * HOUR + 10, act: 'outcome', transfer: 1, outcome: 'frozen' },
      { after: 20 * DAY, act: 'outcome', transfer: 0, outcome: 'returned' },
    ],
  },
  {
    bureau: 'fr',
    reported: { daysAgo: 110, at: '17:25' },
    openedAfter: 30,
    fraudType: 'romance',
    victim: { kind: 'person', name: 'Monique Garnier', country: 'FR' },
    summary: 'A "soldier abroad" asked for help to come home; transfers to São Paulo.',
    transfers: [
      {
        amountMinor: '38000000',
        currency: 'BRL',
        to: ACCOUNTS.brBb,
        beneficiary: 'Paulo Henrique Rocha',
        daysBefore: 4,
      },
    ],
    steps: [
      { after: HOUR + 40, act: 'acknowledge', bureau: 'BR' },
      // The answer came late: the clock flagged it to both bureaus and the GS first.
      { after: 6 * HOUR + 31, act: 'clock' },
      { after: 26 * HOUR, act: 'outcome', transfer: 0, outcome: 'frozen' },
    ],
  },
  {
    bureau: 'us',
    reported: { daysAgo: 98, at: '14:35' },
    openedAfter: 20,
    fraudType: 'business_email_compromise',
    victim: { kind: 'company', name: 'Great Lakes Components Inc.', country: 'US' },
    summary: 'Payroll diverted after a compromised e-mail account changed the bank of record.',
    transfers: [
      {
        amountMinor: '340000000',
        currency: 'USD',
        to: ACCOUNTS.joHousing,
        beneficiary: 'Levant Commodities FZ',
        reference: 'WIRE-99812',
        daysBefore: 1,
      },
    ],
    steps: [
      { after: 70, act: 'acknowledge', bureau: 'JO' },
      { after: 4 * HOUR + 5, act: 'outcome', transfer: 0, outcome: 'frozen' },
      { after: 40 * DAY, act: 'outcome', transfer: 0, outcome: 'returned' },
    ],
  },
  {
    bureau: 'br',
    reported: { daysAgo: 86, at: '11:45' },
    openedAfter: 25,
    fraudType: 'investment',
    victim: { kind: 'company', name: 'Agropecuária Serra Azul Ltda', country: 'BR' },
    summary: 'Guaranteed-return bond scheme; the account in Paris was frozen, then released.',
    transfers: [
      {
        amountMinor: '15500000',
        currency: 'EUR',
        to: ACCOUNTS.frSocgen,
        beneficiary: 'Valmont Patrimoine',
        daysBefore: 2,
      },
    ],
    steps: [
      { after: 35, act: 'acknowledge', bureau: 'FR' },
      { after: 50, act: 'forward', bureau: 'FR' },
      { after: 5 * HOUR, act: 'outcome', transfer: 0, outcome: 'frozen' },
      {
        after: 14 * DAY,
        act: 'outcome',
        transfer: 0,
        outcome: 'released',
        note: 'No seizure order within the legal time',
      },
    ],
  },
  {
    bureau: 'jo',
    reported: { daysAgo: 75, at: '06:20' },
    openedAfter: 40,
    fraudType: 'phishing',
    victim: { kind: 'person', name: 'Rami Haddad', country: 'JO' },
    summary: 'A fake delivery-fee page captured card and bank details.',
    transfers: [
      {
        amountMinor: '640000000',
        currency: 'NGN',
        to: ACCOUNTS.ngFirst,
        beneficiary: 'Samuel Obi',
        daysBefore: 1,
      },
    ],
    steps: [
      { after: HOUR + 10, act: 'acknowledge', bureau: 'NG' },
      { after: HOUR + 20, act: 'forward', bureau: 'NG' },
      { after: 3 * HOUR, act: 'outcome', transfer: 0, outcome: 'not_found' },
    ],
  },
  {
    bureau: 'fr',
    reported: { daysAgo: 62, at: '09:10' },
    openedAfter: 20,
    fraudType: 'business_email_compromise',
    victim: { kind: 'company', name: 'Optique Vernier SA', country: 'FR' },
    summary: 'A lens supplier in Japan "changed banks"; the new account was the fraudster\'s.',
    transfers: [
      {
        amountMinor: '48000000',
        currency: 'JPY',
        to: ACCOUNTS.jpMizuho,
        beneficiary: 'Kanto Precision Trading KK',
        reference: 'INV-JP-3391',
        daysBefore: 1,
      },
    ],
    steps: [
      { after: HOUR + 5, act: 'acknowledge', bureau: 'JP' },
      { after: 4 * HOUR + 40, act: 'outcome', transfer: 0, outcome: 'frozen' },
      { after: 25 * DAY, act: 'outcome', transfer: 0, outcome: 'returned' },
    ],
  },
  {
    bureau: 'ng',
    reported: { daysAgo: 50, at: '12:00' },
    openedAfter: 30,
    fraudType: 'romance',
    victim: { kind: 'person', name: 'Funmilayo Adebayo', country: 'NG' },
    summary: 'Money for a "visa and flight" to meet an online partner.',
    transfers: [
      {
        amountMinor: '7500000',
        currency: 'USD',
        to: ACCOUNTS.usChase,
        beneficiary: 'Daniel Brooks',
        daysBefore: 3,
      },
    ],
    steps: [
      { after: 95, act: 'acknowledge', bureau: 'US' },
      { after: 5 * HOUR + 30, act: 'outcome', transfer: 0, outcome: 'partly_frozen', frozenMinor: '3000000' },
    ],
  },
  {
    bureau: 'fr',
    reported: { daysAgo: 38, at: '16:40' },
    openedAfter: 25,
    fraudType: 'investment',
    victim: { kind: 'company', name: 'Holding Lacroix Participations', country: 'FR' },
    summary: 'Fake bond issue; money to São Paulo and Lagos, and from Lagos on to Dubai.',
    transfers: [
      {
        amountMinor: '115000000',
        currency: 'BRL',
        to: ACCOUNTS.brItau,
        beneficiary: 'Atlântico Gestão de Ativos',
        daysBefore: 2,
      },
      {
        amountMinor: '50000000',
        currency: 'USD',
        to: ACCOUNTS.ngZenith,
        beneficiary: 'Crestfield Holdings Ltd',
        daysBefore: 1,
      },
    ],
    steps: [
      { after: 60, act: 'acknowledge', bureau: 'BR' },
      { after: 75, act: 'acknowledge', bureau: 'NG' },
      { after: 85, act: 'forward', bureau: 'NG' },
      { after: 3 * HOUR + 20, act: 'outcome', transfer: 0, outcome: 'frozen' },
      {
        after: 4 * HOUR,
        act: 'outcome',
        transfer: 1,
        outcome: 'moved_on',
        movedTo: ACCOUNTS.aeEnbd,
        note: 'Left for Dubai an hour before the request',
      },
      // Nobody answers the chase in the United Arab Emirates (no demo users there): flagged.
      { chase: true, after: 6 * HOUR + 1, act: 'clock' },
      { chase: true, after: 10 * HOUR + 1, act: 'clock' },
    ],
  },
  {
    bureau: 'us',
    reported: { daysAgo: 24, at: '19:30' },
    openedAfter: 20,
    fraudType: 'impersonation',
    victim: { kind: 'person', name: 'Patricia Owens', country: 'US' },
    summary: 'A caller posing as a bank fraud officer had the savings moved to a "safe account".',
    transfers: [
      {
        amountMinor: '8800000',
        currency: 'EUR',
        to: ACCOUNTS.frBnp,
        beneficiary: 'Securis Conseil',
        daysBefore: 0,
      },
    ],
    steps: [
      { after: 40, act: 'acknowledge', bureau: 'FR' },
      { after: 50, act: 'forward', bureau: 'FR' },
      { after: 2 * HOUR + 30, act: 'outcome', transfer: 0, outcome: 'frozen' },
    ],
  },
  {
    bureau: 'jp',
    reported: { daysAgo: 12, at: '01:15' },
    openedAfter: 30,
    fraudType: 'business_email_compromise',
    victim: { kind: 'company', name: 'Shinsei Robotics KK', country: 'JP' },
    summary: 'A machine-tool deposit paid to a Paris account after a spoofed e-mail.',
    transfers: [
      {
        amountMinor: '475000000',
        currency: 'EUR',
        to: ACCOUNTS.frSocgen,
        beneficiary: 'Ateliers Mécaniques de Seine',
        reference: 'ADV-2026-118',
        daysBefore: 1,
      },
    ],
    steps: [
      { after: 50, act: 'acknowledge', bureau: 'FR' },
      { after: 60, act: 'forward', bureau: 'FR' },
      {
        after: HOUR + 45,
        act: 'outcome',
        transfer: 0,
        outcome: 'partly_frozen',
        frozenMinor: '310000000',
      },
    ],
  },
  {
    bureau: 'br',
    reported: { daysAgo: 5, at: '10:05' },
    openedAfter: 20,
    fraudType: 'romance',
    victim: { kind: 'person', name: 'Carlos Mendes', country: 'BR' },
    summary: 'Transfers to Amman for a partner "stuck at customs".',
    transfers: [
      {
        amountMinor: '45000000',
        currency: 'JOD',
        to: ACCOUNTS.joArab,
        beneficiary: 'Yousef Saleh',
        daysBefore: 2,
      },
    ],
    steps: [
      { after: 45, act: 'acknowledge', bureau: 'JO' },
      { after: 3 * HOUR + 15, act: 'outcome', transfer: 0, outcome: 'not_found' },
    ],
  },
  {
    // Waiting for an answer, within its time: Nigeria acknowledged and forwarded to its FIU.
    bureau: 'fr',
    reported: { hoursAgo: 4 },
    openedAfter: 15,
    fraudType: 'business_email_compromise',
    victim: { kind: 'company', name: 'Transports Meunier et Fils', country: 'FR' },
    summary: 'A haulier paid a fuel supplier\'s "new" account in Lagos this morning.',
    transfers: [
      {
        amountMinor: '260000000',
        currency: 'USD',
        to: ACCOUNTS.ngGtb,
        beneficiary: 'Sahel Fuel Distribution Ltd',
        reference: 'FUEL-Q4-207',
        daysBefore: 0,
      },
    ],
    steps: [
      { after: 50, act: 'acknowledge', bureau: 'NG' },
      { after: 65, act: 'forward', bureau: 'NG' },
    ],
  },
  {
    // Overdue: Brazil has not acknowledged; the clock flagged it.
    bureau: 'us',
    reported: { hoursAgo: 30 },
    openedAfter: 20,
    fraudType: 'investment',
    victim: { kind: 'person', name: 'Gregory Walsh', country: 'US' },
    summary: 'A trading app showed profits that could never be withdrawn.',
    transfers: [
      {
        amountMinor: '82000000',
        currency: 'BRL',
        to: ACCOUNTS.brBb,
        beneficiary: 'Nova Horizonte Investimentos',
        daysBefore: 1,
      },
    ],
    steps: [
      { after: 20 + 2 * HOUR + 1, act: 'clock' },
      { after: 20 + 6 * HOUR + 1, act: 'clock' },
    ],
  },
];
