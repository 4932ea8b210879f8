// HTTP for a record's files. Uploads are JSON with base64 content, so the console (whose cookie
// requests must be JSON) and border systems use one route.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { errorResponses, IdParam, listOf } from '../../../platform/http/schemas.js';
import { requirePrincipal } from '../../identity/auth.hook.js';
import { metaOf } from '../records.routes.js';
import { addAttachment, listAttachments, readAttachment, removeAttachment } from './attachments.service.js';
import { MAX_ATTACHMENT_BYTES } from './media-type.js';

const AttachmentSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  createdAt: Type.String(),
  createdBy: Type.String(),
});
const RecordParams = Type.Object({ id: IdParam }, { additionalProperties: false });
const FileParams = Type.Object({ id: IdParam, attachmentId: IdParam }, { additionalProperties: false });
const Purpose = Type.Object(
  { purpose: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })) },
  { additionalProperties: false },
);

export async function attachmentRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/records/:id/attachments',
    {
      schema: {
        tags: ['databases'],
        summary: "A record's files",
        params: RecordParams,
        querystring: Purpose,
        response: { 200: listOf(AttachmentSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { purpose } = request.query as { purpose?: string };
      return { items: await listAttachments(ctx, requirePrincipal(request), id, metaOf(request, purpose)) };
    },
  );

  app.post(
    '/records/:id/attachments',
    {
      // base64 is 4/3 of the file, plus the JSON around it.
      bodyLimit: Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4096,
      schema: {
        tags: ['databases'],
        summary: 'Add a file (JPEG, PNG, PDF or ANSI/NIST-ITL, at most 10 MiB; owner bureau)',
        params: RecordParams,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            contentBase64: Type.String({ minLength: 4, pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: AttachmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as { name: string; contentBase64: string };
      const a = await addAttachment(ctx, requirePrincipal(request), id, body, metaOf(request));
      return reply.status(201).send(a);
    },
  );

  app.get(
    '/records/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['databases'],
        summary: 'Download a file of a record',
        params: FileParams,
        querystring: Purpose,
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params as { id: string; attachmentId: string };
      const { purpose } = request.query as { purpose?: string };
      const a = await readAttachment(
        ctx,
        requirePrincipal(request),
        id,
        attachmentId,
        metaOf(request, purpose),
      );
      // Served as a download, never rendered in the console's origin.
      return reply
        .header('content-type', a.mediaType)
        .header('content-disposition', `attachment; filename="${a.id}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(a.content);
    },
  );

  app.delete(
    '/records/:id/attachments/:attachmentId',
    {
      schema: {
        tags: ['databases'],
        summary: 'Remove a file of a record (owner bureau)',
        params: FileParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params as { id: string; attachmentId: string };
      await removeAttachment(ctx, requirePrincipal(request), id, attachmentId, metaOf(request));
      return reply.status(204).send();
    },
  );
}
