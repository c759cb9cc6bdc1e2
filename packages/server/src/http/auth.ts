import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ApiHttpError } from './api-http-error.ts';

/**
 * Requires the access token on every `/api` request: `Authorization: Bearer <token>`, or `?token=<token>`
 * (EventSource and download links cannot set headers). Compared in constant time. Anything else → 401.
 * The dashboard's static files are not protected (they hold no data).
 * @param app the server
 * @param token the access token
 */
export function requireToken(app: FastifyInstance, token: string): void {
  const expected = Buffer.from(token, 'utf8');
  const matches = (given: string | undefined): boolean => {
    if (given === undefined) return false;
    const g = Buffer.from(given, 'utf8');
    return g.length === expected.length && timingSafeEqual(g, expected);
  };
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0];
    if (path !== '/api' && !path.startsWith('/api/')) return;
    const header = request.headers.authorization;
    const bearer = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const query = (request.query as Record<string, unknown> | undefined)?.token;
    if (matches(bearer) || matches(typeof query === 'string' ? query : undefined)) return;
    throw new ApiHttpError('UNAUTHORIZED', 'this server needs an access token: send "Authorization: Bearer TOKEN" or add ?token=TOKEN');
  });
}
