// @mixwise/server — the local HTTP API (Fastify) behind the dashboard; endpoints in docs/server.md.
export { createServer, DEFAULT_MAX_UPLOAD_BYTES, type ServerOptions } from './create-server.ts';
export { startServer, isLoopback, DEFAULT_PORT, type StartedServer } from './start-server.ts';
export { DEFAULT_DASHBOARD_DIR, DASHBOARD_APP_DIR, ensureDashboard } from './dashboard/ensure-dashboard.ts';
export { RunRegistry, runIdFromName } from './runs/run-registry.ts';
export { resolveInside } from './http/safe-path.ts';
