import { useMemo } from 'react';
import { drawSource, periodWord, responseModelFromMmm } from '@mixwise/engine';
import { actualVsFitted, adstockShapes, correlationHeatmap, inputSeries, organicResponseCurves, organicStepsText, residualHistogram, residualPlot, responseCurves, roiIntervals, roiLabel } from '@mixwise/charts';
import type { RunData } from '../../state/run-data.ts';
import { EChart } from '../../components/EChart.tsx';
import { Section } from '../../components/Section.tsx';
import { CoefficientTable } from './CoefficientTable.tsx';
import { DiagnosticsTable } from './DiagnosticsTable.tsx';
import { ParetoSection } from './ParetoSection.tsx';
import { CalibrationSection } from './CalibrationSection.tsx';
import { PosteriorSection } from './PosteriorSection.tsx';
import { curveNote, modelReplicates } from '../../logic/curve-basis.ts';
import { formatFixed } from '../../logic/format.ts';
import { basisNote, historicalFigures, largestGap, steadyFigures } from '../../logic/basis-gap.ts';
import { useEngine } from '../../state/engine-context.tsx';

/** The data scientist's page: inputs, fit, residuals, parameters, curves, the search and diagnostics. */
export function ExplorerPage({ data }: { data: RunData }) {
  const { model, summary, decomposition } = data;
  const charts = useMemo(() => ({
    inputs: inputSeries(model),
    correlations: correlationHeatmap(model),
    fit: actualVsFitted(model, decomposition),
    residuals: residualPlot(model, decomposition),
    histogram: residualHistogram(model, decomposition),
    curves: responseCurves(model),
    organicCurves: (model.organic ?? []).length > 0 ? organicResponseCurves(model) : null,
    adstock: adstockShapes(model),
    roi: roiIntervals(summary),
  }), [model, summary, decomposition]);
  // A Bayesian fit's intervals are credible intervals from its posterior draws; a ridge fit's come from the bootstrap.
  // The curves here are the point estimate at the mean spend held level: how far their figures are
  // from the fit's historical ones (the table below) and from the simulator's expected curves.
  const { loaded } = useEngine();
  const point = useMemo(() => steadyFigures(responseModelFromMmm(model)), [model]);
  const gaps = useMemo(() => ({
    historical: largestGap(historicalFigures(summary), point),
    expected: loaded ? largestGap(point, steadyFigures(loaded.responseModel)) : null,
  }), [summary, point, loaded]);
  const roiName = roiLabel(model.target.kind);
  const interval = summary.posterior ? 'credible' : 'bootstrap';
  const holdout = model.holdout > 0 ? `the last ${model.holdout} periods (shaded) were held out of the fit` : 'no holdout: every period was used in the fit';

  return (
    <div className="stack">
      <div className="page-title">
        <h1>Model explorer</h1>
        <p className="muted">R² {formatFixed(summary.fit.r2, 3)} · NRMSE {formatFixed(summary.fit.nrmse, 3)} · MAPE {(100 * summary.fit.mape).toFixed(1)}% · {model.search.nCandidates.toLocaleString('en-US')} candidates searched{model.bayes ? ` · Bayesian (NUTS, ${model.bayes.chains} chains)` : ''} · {holdout}</p>
      </div>
      <Section title="Actual vs fitted">
        <EChart name="actual-vs-fitted" option={charts.fit} height={340} ariaLabel={`Actual and fitted ${summary.target} over time`} />
      </Section>
      <div className="grid-2">
        <Section title="Inputs over time"><EChart name="input-series" option={charts.inputs} height={320} ariaLabel="Spend per channel over time" /></Section>
        <Section title="Correlations between inputs"><EChart name="correlations" option={charts.correlations} height={320} ariaLabel="Correlations between inputs" /></Section>
      </div>
      <div className="grid-2">
        <Section title="Residuals over time"><EChart name="residuals" option={charts.residuals} height={300} ariaLabel="Residuals over time" /></Section>
        <Section title="Residual distribution"><EChart name="residual-histogram" option={charts.histogram} height={300} ariaLabel="Histogram of the residuals" /></Section>
      </div>
      <div className="grid-2">
        <Section title="Response curves, steady state (● = current spend)">
          <EChart name="response-curves" option={charts.curves} height={340} ariaLabel="Response curves with the current spend" />
          <p className="muted small">Solid over the spend levels the data cover; dashed where the curve is extrapolated.</p>
          <p className="muted small" data-testid="explorer-curves">{curveNote('point', modelReplicates(model), drawSource(model), gaps.expected)}</p>
          <p className="muted small" data-testid="explorer-basis">The marginal return on each label is steady state: the next unit of spend with the current mean spend held level every {periodWord(model.frequency)}. {basisNote(gaps.historical, periodWord(model.frequency), roiName)}</p>
        </Section>
        <Section title="Adstock: how long an effect lasts"><EChart name="adstock" option={charts.adstock} height={340} ariaLabel="Adstock: how long an effect lasts" /></Section>
      </div>
      {charts.organicCurves ? (
        <Section title="Organic media response curves (● = current exposure)">
          <EChart name="organic-response-curves" option={charts.organicCurves} height={320} ariaLabel="Organic media response curves with the current exposure" />
          <p className="muted small" data-testid="explorer-organic-curves">{summary.target} per period against a sustained exposure per period, in the column's own units (sends, impressions), not money: there is no spend, so no ROI. The dot is the current mean exposure, labelled with the extra {summary.target} {organicStepsText(model)} sustained there (a round step at each series' own scale). Solid over the exposure levels the data cover; dashed where the curve is extrapolated.</p>
        </Section>
      ) : null}
      <div className="grid-2">
        <Section title={`${roiLabel(model.target.kind)} with 90% ${interval} interval`}><EChart name="roi-intervals" option={charts.roi} height={300} ariaLabel={`${roiLabel(model.target.kind)} per channel with its 90% ${interval} interval`} /></Section>
        <Section title="Diagnostics"><DiagnosticsTable diagnostics={data.diagnostics} /></Section>
      </div>
      <PosteriorSection model={model} summary={summary} />
      {summary.lift_tests.length > 0 ? <CalibrationSection tests={summary.lift_tests} /> : null}
      <Section title="Coefficients and hyperparameters"><CoefficientTable model={model} summary={summary} diagnostics={data.diagnostics} />
        <p className="muted small" data-testid="coefficients-basis">{roiName} and mROI in this table are historical, as in summary.json and the report; the response curves above are steady state (see the note under them).</p></Section>
      <ParetoSection model={model} summary={summary} />
    </div>
  );
}
