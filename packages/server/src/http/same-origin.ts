import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiHttpError } from './api-http-error.ts';

/** Host names by which this machine reaches a server bound to a loopback address. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** Interfaces that listen on every address: the Host a client uses cannot be known in advance. */
const WILDCARD_HOSTS = ['0.0.0.0', '::', '[::]', ''];

/** Methods that change nothing, whose Origin is not checked. */
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** A `host[:port]` as hostname (lower case, IPv6 in brackets) and port (80 when left out), or undefined when malformed. */
function hostPort(value: string): { hostname: string; port: number } | undefined {
  try {
    const url = new URL(`http://${value}`);
    if (url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') return undefined;
    return { hostname: url.hostname.toLowerCase(), port: url.port === '' ? 80 : Number(url.port) };
  } catch {
    return undefined;
  }
}

/**
 * The host names the server answers to: the loopback names, and the host it listens on when that is a
 * name or an address of its own; undefined (any) when it listens on every interface.
 * @example allowedHostnames('127.0.0.1') // ['localhost', '127.0.0.1', '[::1]']
 */
export function allowedHostnames(listenHost: string | undefined): string[] | undefined {
  const host = (listenHost ?? '127.0.0.1').toLowerCase();
  if (WILDCARD_HOSTS.includes(host)) return undefined;
  const own = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return [...new Set([...LOOPBACK_NAMES, own])];
}

/**
 * Refuses requests that do not come from the server's own origin, against DNS rebinding and
 * cross-site requests to the loopback API (a page elsewhere can post forms and simple requests to
 * 127.0.0.1 without asking):
 * - the Host header must name the server: a loopback name or the `--host` it listens on (any name
 *   when it listens on every interface: a token guards it then). The port is not compared: a
 *   rebinding page is refused by its host name, and a forwarded port (ssh -L, docker -p) is legitimate;
 * - a state-changing request (not GET/HEAD/OPTIONS) carrying an Origin header must come from the
 *   origin `http://<Host>` itself (the dashboard); `Origin: null` (sandboxed pages, files) is refused.
 * Both answer 403 FORBIDDEN with a message saying which header was refused and why. Requests without
 * an Origin (curl, scripts, the CLI) pass the Origin check.
 * @param app the server (the check runs first on every request, the dashboard's files included)
 * @param listenHost the interface the server listens on (default 127.0.0.1)
 */
export function requireSameOrigin(app: FastifyInstance, listenHost: string | undefined): void {
  const names = allowedHostnames(listenHost);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const hostHeader = request.headers.host;
    const host = typeof hostHeader === 'string' ? hostPort(hostHeader) : undefined;
    if (host === undefined || (names !== undefined && !names.includes(host.hostname))) {
      throw new ApiHttpError('FORBIDDEN', `refused: the Host header ${JSON.stringify(hostHeader ?? '')} does not name this server `
        + `(${names === undefined ? 'a host name' : names.join(', ')}); open the dashboard at the address the server printed`);
    }
    if (SAFE_METHODS.includes(request.method)) return;
    const origin = request.headers.origin;
    if (origin === undefined) return;
    const from = origin.startsWith('http://') ? hostPort(origin.slice('http://'.length)) : undefined;
    if (from === undefined || from.hostname !== host.hostname || from.port !== host.port) {
      throw new ApiHttpError('FORBIDDEN', `refused: a ${request.method} request from the origin ${JSON.stringify(origin)}; this server only takes changes `
        + `from its own pages (http://${hostHeader}). Requests without an Origin header (curl, scripts) are not affected`);
    }
  });
}
