import { useEffect, useRef, useState } from 'react';
import { pageHref } from './api.ts';
import { PAGES, PAGE_LABELS, formatHash, pageTitle, type Page, type Route } from './router.ts';
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
  // Said once by the polite status region below (e.g. a fit that finished while on the Data page).
  const [announcement, setAnnouncement] = useState('');

  // The tab's title names the page (WCAG 2.4.2).
  useEffect(() => { document.title = pageTitle(route.page); }, [route.page]);

  // After a change of page, focus moves to the new page's h1 (made focusable with tabIndex -1) as soon
  // as it is drawn, so keyboard and screen-reader users start at its top instead of on <body>. Not on
  // the first load: the browser's own start is kept there.
  const mainRef = useRef<HTMLElement>(null);
  const shownPage = useRef(route.page);
  const focusPending = useRef(false);
  if (shownPage.current !== route.page) { shownPage.current = route.page; focusPending.current = true; }
  useEffect(() => {
    if (!focusPending.current) return;
    const h1 = mainRef.current?.querySelector('h1');
    if (!h1) return;
    focusPending.current = false;
    h1.tabIndex = -1;
    h1.focus();
  });

  return (
    <EngineProvider runId={runData?.runId ?? null} model={runData?.model ?? null}>
      <div className="app">
        <a className="skip-link" href="#main" data-testid="skip-link"
          onClick={(e) => { e.preventDefault(); const m = document.getElementById('main'); m?.focus(); }}>Skip to content</a>
        <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">{announcement}</div>
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
        <main className="page" id="main" tabIndex={-1} ref={mainRef} data-testid={`page-${route.page}`}>
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
            <DataPage runs={runs} onRunsChanged={refreshRuns} onRunDone={(id) => { refreshRuns(); setAnnouncement('Fit finished: showing its Executive summary.'); go({ page: 'executive', runId: id }); }} />
          ) : <AboutPage />}
        </main>
        <footer className="footer">Mixwise · marketing-mix modelling · figures are model estimates, not measured causal effects</footer>
      </div>
    </EngineProvider>
  );
}
