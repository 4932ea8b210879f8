// HTTP for networks: links (create, read, change with If-Match, close, delete), the analyses
// (POSTs: the query names people and carries a purpose) and link suggestions. Thin.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext, RequestMeta } from '../../context.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { errorResponses, IdParam } from '../../platform/http/schemas.js';
import { requirePrincipal } from '../identity/auth.hook.js';
import { commonNeighboursOf, neighbourhoodOf, pathBetween } from './networks.analysis.js';
import { toLinkDto } from './networks.row.js';
import {
  CommonBody,
  CreateLinkBody,
  type CreateLinkInput,
  NeighbourhoodBody,
  PathBody,
  UpdateLinkBody,
  type UpdateLinkInput,
} from './networks.schema.js';
import { closeLink, createLink, deleteLink, readLink, updateLink } from './networks.service.js';
import { decideSuggestion, listSuggestions } from './networks.suggestions.js';

const tags = ['networks'];
const IdParams = Type.Object({ id: IdParam }, { additionalProperties: false });
const Open = Type.Object({}, { additionalProperties: true });
const ok = (code = 200) => ({ [code]: Open, ...errorResponses });
const meta = (request: FastifyRequest, purpose?: string): RequestMeta => ({ requestId: request.id, purpose });
const PurposeQuery = Type.Optional(Type.String({ minLength: 3, maxLength: 500 }));

export async function networksRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/networks/links',
    {
      schema: {
        tags,
        summary: 'Link two pieces of police data (or an identifier)',
        body: CreateLinkBody,
        response: ok(201),
      },
    },
    async (request, reply) => {
      const body = request.body as CreateLinkInput;
      const row = await createLink(ctx, requirePrincipal(request), body, meta(request, body.purpose));
      setEtag(reply, row.version);
      return reply.status(201).send(toLinkDto(row));
    },
  );

  app.get(
    '/networks/links/:id',
    {
      schema: {
        tags,
        summary: 'A link with its ends, or the fact it exists (contact the owner), or 404',
        params: IdParams,
        querystring: Type.Object({ purpose: PurposeQuery }, { additionalProperties: false }),
        response: ok(),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { purpose } = request.query as { purpose?: string };
      const { link, version } = await readLink(ctx, requirePrincipal(request), id, meta(request, purpose));
      if (version !== null) setEtag(reply, version);
      return link;
    },
  );

  app.patch(
    '/networks/links/:id',
    {
      schema: {
        tags,
        summary: 'Change a link (owner bureau; If-Match)',
        params: IdParams,
        body: UpdateLinkBody,
        response: ok(),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as UpdateLinkInput;
      const version = requireIfMatch(request);
      const row = await updateLink(
        ctx,
        requirePrincipal(request),
        id,
        version,
        body,
        meta(request, body.purpose),
      );
      setEtag(reply, row.version);
      return toLinkDto(row);
    },
  );

  app.post(
    '/networks/links/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a link: kept for its owner, out of every analysis (If-Match)',
        params: IdParams,
        response: ok(),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const row = await closeLink(ctx, requirePrincipal(request), id, requireIfMatch(request), meta(request));
      setEtag(reply, row.version);
      return toLinkDto(row);
    },
  );

  app.delete(
    '/networks/links/:id',
    {
      schema: {
        tags,
        summary: 'Delete a link for good (owner bureau; If-Match)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await deleteLink(ctx, requirePrincipal(request), id, requireIfMatch(request), meta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/networks/neighbourhood',
    {
      schema: {
        tags,
        summary: 'Nodes and links within 1–3 hops of a node, as far as the access policy allows',
        body: NeighbourhoodBody,
        response: ok(),
      },
    },
    async (request) => {
      const body = request.body as typeof NeighbourhoodBody.static;
      return neighbourhoodOf(ctx, requirePrincipal(request), body, meta(request, body.purpose));
    },
  );

  app.post(
    '/networks/path',
    {
      schema: {
        tags,
        summary: 'A shortest path between two nodes over the links you may see',
        body: PathBody,
        response: ok(),
      },
    },
    async (request) => {
      const body = request.body as typeof PathBody.static;
      return pathBetween(ctx, requirePrincipal(request), body, meta(request, body.purpose));
    },
  );

  app.post(
    '/networks/common',
    { schema: { tags, summary: 'Nodes linked to both of two nodes', body: CommonBody, response: ok() } },
    async (request) => {
      const body = request.body as typeof CommonBody.static;
      return commonNeighboursOf(ctx, requirePrincipal(request), body, meta(request, body.purpose));
    },
  );

  app.get(
    '/networks/suggestions',
    {
      schema: {
        tags,
        summary: "Your bureau's link suggestions: another bureau linked the same identifier",
        response: ok(),
      },
    },
    async (request) => ({ items: await listSuggestions(ctx, requirePrincipal(request), meta(request)) }),
  );

  for (const [verb, status] of [
    ['accept', 'accepted'],
    ['dismiss', 'dismissed'],
  ] as const) {
    app.post(
      `/networks/suggestions/:id/${verb}`,
      {
        schema: {
          tags,
          summary: `${verb === 'accept' ? 'Accept' : 'Dismiss'} a link suggestion for your bureau`,
          params: IdParams,
          response: ok(),
        },
      },
      async (request) => {
        const { id } = request.params as { id: string };
        return decideSuggestion(ctx, requirePrincipal(request), id, status, meta(request));
      },
    );
  }
}
