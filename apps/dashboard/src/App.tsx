import { useEffect } from 'react';
import { pageHref } from './api.ts';
import { PAGES, PAGE_LABELS, formatHash, type Page, type Route } from './router.ts';
import { useRoute } from './state/use-route.ts';
import { useAsync } from './state/use-async.ts';
import { useRuns } from './state/use-runs.ts';
import { loadRunData, type RunData } from './state/run-data.ts';
import { EngineProvider } from './state/engine-context.tsx';
import { defaultRun } from './logic/default-run.ts';
import { ExecutivePage } from './views/executive/ExecutivePage.tsx';
import { SimulatorPage } from './views/simulator/SimulatorPage.tsx';
import { ExplorerPage } from './views/explorer/ExplorerPage.tsx';
import { DataPage } from './views/data/DataPage.tsx';
import { AboutPage } from './views/about/AboutPage.tsx';

const RUN_PAGES: readonly Page[] = ['executive', 'simulator', 'explorer'];

/** The dashboard: header with navigation and run picker, and the current page. */
export function App() {
  const [route, navigate] = useRoute();
  // Read again while a fit is queued or running, so the picker follows it on every page.
  const { runs, error: runsError, refresh: refreshRuns } = useRuns();

  // Open the most recent finished run when the URL names none.
  useEffect(() => {
    if (route.runId !== null || runs === null) return;
    const run = defaultRun(runs);
    if (run) navigate({ page: route.page, runId: run.id }, true);
  }, [route, runs, navigate]);

  const data = useAsync<RunData>(route.runId, loadRunData);
  const runData = data.status === 'ok' ? data.value : null;
  const go = (r: Route) => navigate(r);

  return (
    <EngineProvider runId={runData?.runId ?? null} model={runData?.model ?? null}>
      <div className="app">
        <header className="topbar">
          <a className="brand" href={pageHref(formatHash({ page: 'executive', runId: route.runId }))}>
            <span className="brand-mark" aria-hidden="true">◆</span> Mixwise
          </a>
          <nav className="nav" aria-label="Pages">
            {PAGES.map((p) => (
              <a key={p} href={pageHref(formatHash({ page: p, runId: route.runId }))} className={p === route.page ? 'active' : undefined}
                aria-current={p === route.page ? 'page' : undefined} data-testid={`nav-${p}`}>{PAGE_LABELS[p]}</a>
            ))}
          </nav>
          <label className="run-picker">
            <span>Run</span>
            <select data-testid="run-picker" value={route.runId ?? ''} onChange={(e) => go({ page: route.page, runId: e.currentTarget.value || null })}>
              {route.runId === null ? <option value="">{runs === null ? 'Loading…' : 'No run yet'}</option> : null}
              {(runs ?? []).map((r) => (
                <option key={r.id} value={r.id} disabled={r.status !== 'done'}>{r.name} · {r.status === 'done' ? new Date(r.finishedAt ?? r.createdAt).toLocaleString() : r.status}</option>
              ))}
              {route.runId !== null && runs !== null && !runs.some((r) => r.id === route.runId) ? <option value={route.runId}>{route.runId}</option> : null}
            </select>
          </label>
        </header>
        <main className="page" data-testid={`page-${route.page}`}>
          {runsError !== null ? <div className="banner error" role="alert">{runsError}</div> : null}
          {RUN_PAGES.includes(route.page) ? (
            route.runId === null ? (
              <div className="empty">
                <h1>No model yet</h1>
                <p>Upload a data file and train a model on the <a href={pageHref(formatHash({ page: 'data', runId: null }))}>Data page</a>.</p>
              </div>
            ) : data.status === 'error' ? (
              <div className="banner error" role="alert">Could not load run {route.runId}: {data.error}</div>
            ) : runData === null ? (
              <div className="loading" aria-busy="true">Loading run…</div>
            ) : route.page === 'executive' ? <ExecutivePage data={runData} />
              : route.page === 'simulator' ? <SimulatorPage data={runData} />
              : <ExplorerPage data={runData} />
          ) : route.page === 'data' ? (
            <DataPage runs={runs} onRunsChanged={refreshRuns} onRunDone={(id) => { refreshRuns(); go({ page: 'executive', runId: id }); }} />
          ) : <AboutPage />}
        </main>
        <footer className="footer">Mixwise · marketing-mix modelling · figures are model estimates, not measured causal effects</footer>
      </div>
    </EngineProvider>
  );
}
