import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/dashboard in this checkout. */
export const DASHBOARD_APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../apps/dashboard');
/** The dashboard's build output, served by default. */
export const DEFAULT_DASHBOARD_DIR = join(DASHBOARD_APP_DIR, 'dist');

/** Source folders the dashboard bundle is built from (the app and the packages it bundles). */
const BUNDLED_SOURCES = ['apps/dashboard/src', 'apps/dashboard/index.html', 'packages/engine/src', 'packages/charts/src', 'packages/contracts/src']
  .map((p) => resolve(DASHBOARD_APP_DIR, '../..', p));

/**
 * Newest modification time (ms) of the files under `paths` (test files excluded); 0 when none exist.
 * @example newestSource([join(DASHBOARD_APP_DIR, 'src')]) // 1763800000000
 */
export function newestSource(paths: readonly string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

/**
 * Makes sure the built dashboard exists and is current: when `dir` is the default
 * (apps/dashboard/dist) and has no index.html, or a source file of the bundle (the app, engine,
 * charts, contracts) is newer than it, builds it with Vite's JS API (root apps/dashboard), saying so
 * on `log`. A custom `dir` is served as it is.
 * @param dir the dist folder to serve
 * @param log where to say what happens (stderr in the CLI)
 * @throws Error with a clear message when the build fails or a custom dir has no index.html
 * @example await ensureDashboard(DEFAULT_DASHBOARD_DIR, (l) => process.stderr.write(l + '\n'))
 */
export async function ensureDashboard(dir: string, log: (line: string) => void): Promise<void> {
  const index = join(dir, 'index.html');
  const built = existsSync(index);
  if (resolve(dir) !== DEFAULT_DASHBOARD_DIR) {
    if (built) return;
    throw new Error(`no dashboard build in ${dir} (index.html missing)`);
  }
  if (built && statSync(index).mtimeMs >= newestSource(BUNDLED_SOURCES)) return;
  log(built
    ? `the dashboard's sources changed since its build: rebuilding ${DASHBOARD_APP_DIR} with Vite…`
    : `the dashboard is not built yet: building ${DASHBOARD_APP_DIR} with Vite (once)…`);
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
