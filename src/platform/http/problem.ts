// RFC 9457 problem details: every error the API returns has this shape, with a stable `code`
// a client can branch on and, for bad input, a field-level `errors` list.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface FieldError {
  field: string;
  message: string;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  423: 'Locked',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export const badRequest = (field: string, message: string) =>
  new ProblemError(400, 'invalid_input', `${field}: ${message}`, [{ field, message }]);
export const notFoundOrNoAccess = () => new ProblemError(404, 'not_found', 'Not found or no access');
export const forbidden = (detail: string) => new ProblemError(403, 'forbidden', detail);
export const unauthorized = (code = 'not_signed_in', detail = 'Sign in or send a valid API key') =>
  new ProblemError(401, code, detail);
export const conflict = (code: string, detail: string, field?: string) =>
  new ProblemError(409, code, detail, field ? [{ field, message: detail }] : undefined);

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://meridian.invalid/problems/${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      code,
      ...(errors && errors.length > 0 ? { errors } : {}),
      instance: request.url.split('?')[0],
      requestId: request.id,
    });
}

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns Ajv's validation errors into `field: message` pairs a person can act on. */
export function fieldErrorsFromValidation(context: string | undefined, errors: AjvError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  const root = context === 'body' ? '' : `${context ?? 'body'}`;
  // A union of literals (TypeBox's way of writing a choice) fails as one `const` error per
  // choice plus an `anyOf`; say it once, as the list of choices.
  const choices = new Map<string, unknown[]>();
  for (const e of errors) {
    if (e.keyword === 'const' && e.params && 'allowedValue' in e.params) {
      const at = e.instancePath ?? '';
      choices.set(at, [...(choices.get(at) ?? []), e.params.allowedValue]);
    }
  }
  for (const e of errors) {
    const at = e.instancePath ?? '';
    if (choices.has(at) && (e.keyword === 'const' || e.keyword === 'anyOf')) {
      e.keyword = 'enum';
      e.params = { allowedValues: choices.get(at) };
    }
    const path = (e.instancePath ?? '').split('/').filter(Boolean).join('.');
    let field = [root, path].filter(Boolean).join('.');
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required' && typeof e.params?.missingProperty === 'string') {
      field = [field, e.params.missingProperty].filter(Boolean).join('.');
      message = 'is required';
    } else if (e.keyword === 'additionalProperties' && typeof e.params?.additionalProperty === 'string') {
      field = [field, e.params.additionalProperty].filter(Boolean).join('.');
      message = 'is not a known field';
    } else if (e.keyword === 'enum' && Array.isArray(e.params?.allowedValues)) {
      message = `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`;
    }
    field ||= context ?? 'body';
    const key = `${field}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, message });
  }
  return out;
}

// Fastify's own error codes for malformed requests, mapped to what a client should hear.
const FASTIFY_CODES: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    detail: 'The body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    detail: 'The body is empty; send a JSON object (at least {})',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'body_too_large',
    detail: 'The body is larger than allowed',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    detail: 'Send the body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_content_length',
    detail: 'Content-Length does not match the body',
  },
};

export function installProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
    if (error instanceof ProblemError) {
      return sendProblem(reply, request, error.status, error.code, error.detail, error.errors);
    }
    if (error.validation) {
      const errors = fieldErrorsFromValidation(error.validationContext, error.validation as AjvError[]);
      const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
      return sendProblem(reply, request, 400, 'invalid_input', detail || 'The request is invalid', errors);
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendProblem(reply, request, known.status, known.code, known.detail);
    if (error.statusCode === 429) {
      return sendProblem(reply, request, 429, 'rate_limited', 'Too many requests; wait and try again');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, request, error.statusCode, 'bad_request', error.message);
    }
    // Unexpected: log the error (never the body, which may hold personal data) and say little.
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, 500, 'internal_error', 'Something went wrong; quote the request id');
  });
}
