/** The report's whole stylesheet, inlined into <style>: no fonts or images are fetched. */
export const REPORT_CSS = `
:root { color-scheme: light; --text: #2f3640; --muted: #4b5563; --line: #e5e7eb; --accent: #0072b2; --warn: #b45309; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fafafa; }
main { max-width: 980px; margin: 0 auto; padding: 24px 28px 64px; background: #fff; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 0; color: var(--muted); }
nav { margin: 16px 0 8px; display: flex; gap: 16px; flex-wrap: wrap; font-size: 14px; }
nav a { color: var(--accent); text-decoration: none; }
section { border-top: 1px solid var(--line); margin-top: 28px; padding-top: 8px; }
h2 { font-size: 20px; margin: 12px 0; }
h3 { font-size: 15px; margin: 16px 0 6px; color: var(--muted); font-weight: 600; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 12px; margin: 16px 0; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.kpi .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.kpi .value { font-size: 22px; font-weight: 600; }
.kpi .hint { font-size: 12px; color: var(--muted); }
figure.chart { margin: 8px 0 16px; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 14px; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-weight: 600; background: #f5f6f8; }
/* A body row's header (its channel or geo) reads like the other cells; only the column headers are shaded. */
tbody th { font-weight: 400; background: none; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.flag { color: var(--warn); font-weight: 600; }
.recommendation { background: #f3f7fb; border-left: 4px solid var(--accent); padding: 10px 14px; }
.note { color: var(--muted); font-size: 13px; }
.warning { border-left: 4px solid var(--warn); padding: 6px 10px; background: #fff8e6; }
.table-scroll { overflow-x: auto; margin: 8px 0 16px; }
.table-scroll table { margin: 0; }
td[data-field="roi_interval"] { white-space: nowrap; }
nav .nav-part { color: var(--muted); }
.appendix-head { border-top: 3px solid var(--line); margin-top: 40px; padding-top: 8px; }
ul.moves, ul.cautions { margin: 6px 0 12px; padding-left: 22px; }
ul.cautions li { margin: 4px 0; }
dl.glossary dt { font-weight: 600; margin-top: 8px; }
dl.glossary dd { margin: 2px 0 0 0; }
/* A phone: charts keep a readable width and scroll inside their own box instead of shrinking their text. */
@media (max-width: 600px) {
  main { padding: 16px 12px 48px; }
  figure.chart { overflow-x: auto; }
  figure.chart svg { min-width: 600px; }
  th, td { padding: 4px 6px; }
  .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
  .kpi .value { font-size: 19px; }
}
@media print { body { background: #fff; } main { padding: 0; } section { break-inside: avoid-page; } }
`;
