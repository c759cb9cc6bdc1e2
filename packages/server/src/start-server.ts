import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createServer, type ServerOptions } from './create-server.ts';
import { DEFAULT_DASHBOARD_DIR, ensureDashboard } from './dashboard/ensure-dashboard.ts';

/** Default port (the dashboard's Vite dev server proxies /api to it). */
export const DEFAULT_PORT = 5174;

/** A listening server. */
export interface StartedServer {
  readonly app: FastifyInstance;
  /** Base URL, e.g. http://127.0.0.1:5174/ (with ?token=… when a token is required). */
  readonly url: string;
  /** The access token in force, if any (given, or generated for a non-loopback host). */
  readonly token?: string;
}

/**
 * Whether a host name only accepts connections from this machine.
 * @example isLoopback('127.0.0.1') // true
 */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Builds the dashboard when missing (default folder only), creates the server and listens. Binds
 * 127.0.0.1 by default; on any other host a token is required: the one given, else a random one
 * (printed on `log`).
 * @param options as createServer; dashboardDir defaults to apps/dashboard/dist
 * @param log where to say what happens (stderr in the CLI)
 * @returns the app, its URL and the token
 * @throws Error when the dashboard cannot be built, or the port is taken (EADDRINUSE: the given port,
 *   or DEFAULT_PORT and the 19 after it when no port is given)
 * @example const { url } = await startServer({ runsDir: 'out/runs', dataDir: 'out/data' }, console.error) // 'http://127.0.0.1:5174/'
 */
export async function startServer(options: ServerOptions, log: (line: string) => void = () => undefined): Promise<StartedServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? (isLoopback(host) ? undefined : randomBytes(18).toString('base64url'));
  if (options.token === undefined && token !== undefined) log(`listening on ${host} (not only this machine): generated access token ${token}`);
  const dashboardDir = options.dashboardDir ?? DEFAULT_DASHBOARD_DIR;
  if (dashboardDir !== false) await ensureDashboard(dashboardDir, log);
  // Without an explicit port, the next free one after DEFAULT_PORT (a second `npm start` still works).
  const ports = options.port !== undefined ? [options.port] : Array.from({ length: 20 }, (_, i) => DEFAULT_PORT + i);
  let app = await createServer({ ...options, host, token, dashboardDir });
  for (let i = 0; ; i++) {
    try {
      await app.listen({ host, port: ports[i] });
      break;
    } catch (err) {
      const inUse = typeof err === 'object' && err !== null && 'code' in err && err.code === 'EADDRINUSE';
      if (!inUse || i + 1 >= ports.length) throw err;
      log(`port ${ports[i]} is in use; trying ${ports[i + 1]}`);
      await app.close();
      app = await createServer({ ...options, host, token, dashboardDir });
    }
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port ?? DEFAULT_PORT;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}/${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
  return { app, url, ...(token === undefined ? {} : { token }) };
}
