import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/dashboard in this checkout. */
export const DASHBOARD_APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../apps/dashboard');
/** The dashboard's build output, served by default. */
export const DEFAULT_DASHBOARD_DIR = join(DASHBOARD_APP_DIR, 'dist');

/**
 * Makes sure the built dashboard exists: when `dir` has no index.html and `dir` is the default
 * (apps/dashboard/dist), builds it once with Vite's JS API (root apps/dashboard), saying so on `log`.
 * @param dir the dist folder to serve
 * @param log where to say what happens (stderr in the CLI)
 * @throws Error with a clear message when the build fails or a custom dir has no index.html
 * @example await ensureDashboard(DEFAULT_DASHBOARD_DIR, (l) => process.stderr.write(l + '\n'))
 */
export async function ensureDashboard(dir: string, log: (line: string) => void): Promise<void> {
  if (existsSync(join(dir, 'index.html'))) return;
  if (resolve(dir) !== DEFAULT_DASHBOARD_DIR) throw new Error(`no dashboard build in ${dir} (index.html missing)`);
  log(`the dashboard is not built yet: building ${DASHBOARD_APP_DIR} with Vite (once)…`);
  const started = Date.now();
  try {
    const specifier = 'vite';
    const vite = (await import(specifier)) as { build: (config: Record<string, unknown>) => Promise<unknown> };
    await vite.build({ root: DASHBOARD_APP_DIR, logLevel: 'warn' });
  } catch (err) {
    throw new Error(`could not build the dashboard (npm run build:dashboard shows the details): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`the dashboard build finished but ${join(dir, 'index.html')} is missing`);
  log(`built the dashboard in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
