// Optimistic concurrency for shared objects: the ETag is the row's version; updates need If-Match.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from './problem.js';

export function setEtag(reply: FastifyReply, version: number) {
  reply.header('etag', `"${version}"`);
}

/** The version the client last saw, from `If-Match: "N"`; 428 when missing. */
export function requireIfMatch(request: FastifyRequest): number {
  const raw = request.headers['if-match'];
  if (!raw) {
    throw new ProblemError(
      428,
      'if_match_required',
      'Send If-Match with the ETag you last read, so no change is lost',
      [{ field: 'If-Match', message: 'is required' }],
    );
  }
  const m = /^(?:W\/)?"(\d+)"$/.exec(String(raw).trim());
  if (!m) {
    throw new ProblemError(400, 'invalid_if_match', 'If-Match must be an ETag such as "3"', [
      { field: 'If-Match', message: 'must look like "3"' },
    ]);
  }
  return Number(m[1]);
}

export const staleVersion = () =>
  new ProblemError(412, 'stale_version', 'Someone changed this since you read it; reload and try again');
