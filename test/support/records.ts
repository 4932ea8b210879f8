// Helpers for the records suites: valid bodies for common databases and a signed-in client.
import type { FastifyInstance } from 'fastify';
import { as, signIn } from './test-app.js';

export type Client = ReturnType<typeof as>;

export async function officer(app: FastifyInstance, username: string): Promise<Client> {
  return as(app, { cookie: await signIn(app, username) });
}

export const envelope = (reference: string, extra: Record<string, unknown> = {}) => ({
  reference,
  restriction: { mode: 'everyone' },
  handling: 'official',
  purpose: 'Recording a reported theft for international search',
  sourceReliability: 'B',
  infoAccuracy: 2,
  ...extra,
});

export const travelDocument = (
  reference: string,
  documentNumber: string,
  extra: Record<string, unknown> = {},
) => ({
  ...envelope(reference, extra),
  data: { documentNumber, issuingCountry: 'FR', type: 'passport', status: 'stolen_blank' },
});

export const vehicle = (reference: string, vin: string, extra: Record<string, unknown> = {}) => ({
  ...envelope(reference, extra),
  data: { vin, make: 'Peugeot', model: '308', colour: 'grey', year: 2019, type: 'car' },
});

export async function create(client: Client, db: string, body: unknown) {
  const res = await client.post(`/api/v1/databases/${db}/records`, body);
  if (res.statusCode !== 201) throw new Error(`create in ${db} failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; [k: string]: unknown };
}
