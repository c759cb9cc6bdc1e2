import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/**
 * Sends a JSON body after checking it against its contracts schema, so the server never answers
 * with a shape the dashboard does not expect (a mismatch is a bug: it throws and becomes a 500).
 * @param reply the Fastify reply
 * @param schema the contracts schema of the answer
 * @param body the answer
 * @param status HTTP status (default 200)
 * @throws ZodError when the body does not match the schema
 * @example return send(reply, RunManifestSchema, manifest, 202)
 */
export function send<S extends z.ZodType>(reply: FastifyReply, schema: S, body: z.input<S>, status = 200): FastifyReply {
  const checked = schema.parse(body);
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(checked));
}
