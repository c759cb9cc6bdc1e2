import { useEffect, useState } from 'react';
import { roiLabel } from '@mixwise/charts';
import { DEFAULT_BOUNDS_TEXT, PERIODS_PER_YEAR, drawSource, kpiMoney, periodWord } from '@mixwise/engine';
import type { OptimizeResult } from '../../worker/protocol.ts';
import { useEngine } from '../../state/engine-context.tsx';
import type { RunData } from '../../state/run-data.ts';
import { Section } from '../../components/Section.tsx';
import { GeoSplitNote } from '../../components/GeoSplitNote.tsx';
import { recommendation } from '../../logic/recommendation.ts';
import { buildConstraints, DEFAULT_CONTROL } from '../../logic/constraints.ts';
import { formatCompact, formatPct } from '../../logic/format.ts';
import { curveBasisText, expectedReplicates } from '../../logic/curve-basis.ts';
import { rangeLabel } from '../../logic/lift-uncertainty.ts';
import { budgetMarginal } from '../../logic/break-even.ts';
import { AllocationNotes } from '../../components/AllocationNotes.tsx';

/**
 * The written recommendation: the optimiser's best split at today's budget (the default bounds, 0.5×–2× current), in words and numbers,
 * with the lift's 90% range across the replicates and the optimizer's sentence on it (as POST /api/runs/:id/optimize and `mixwise optimize`),
 * and on a geo-level run the split across geos it assumes (their `geoSplit`) and the answer's `geoSplitNow` (expected curves, as /optimize).
 */
export function RecommendationCard({ data }: { data: RunData }) {
  const { client, loaded } = useEngine();
  const [result, setResult] = useState<OptimizeResult | null>(null);
  // Where the last unit breaks even (same limits), asked only for a revenue answer past it.
  const [breakEven, setBreakEven] = useState<number | 'none' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!client || !loaded) return;
    let live = true;
    const rm = loaded.responseModel;
    const budget = rm.channels.reduce((s, c) => s + c.current, 0);
    const names = rm.channels.map((c) => c.name);
    const constraints = buildConstraints(names, names.map(() => DEFAULT_CONTROL));
    const money = data.model.target.kind !== 'count';
    client.request({ type: 'optimize', budget, constraints }).then(
      async (r) => {
        if (!live) return;
        setResult(r.result);
        const m = r.result.feasible ? budgetMarginal(r.result) : null;
        if (!money || m === null || m >= 1) return;
        // Without it the warning still stands, only without the place.
        const be = await client.request({ type: 'goal', goal: 'mroi', value: 1, constraints }).catch(() => null);
        if (live && be) setBreakEven(be.result.feasible ? be.result.budget : 'none');
      },
      (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); },
    );
    return () => { live = false; };
  }, [client, loaded, data.model.target.kind]);

  const year = PERIODS_PER_YEAR[data.model.frequency];
  const rec = result ? recommendation(result, data.summary.target, year, { money: data.model.money, kpiMoney: kpiMoney(data.model.money, data.model.target.kind) }) : null;
  const lift = result?.feasible ? result.lift : null;
  const range = lift ? rangeLabel(lift.interval, year) : null;
  return (
    <Section title="Recommendation" className="recommendation" testId="recommendation">
      {error !== null ? <p className="error">{error}</p>
        : result === null ? <p className="muted" aria-busy="true">Optimising the current budget…</p>
        : rec === null ? <p>{result.feasible ? '' : result.message}</p>
        : (
          <div className="rec-body">
            <div className="rec-lift">
              <div className={`rec-lift-value${lift?.interval && lift.interval[0] <= 0 ? ' unsettled' : ''}`} data-testid="recommendation-lift">{rec.lift >= 0 ? '+' : ''}{formatCompact(rec.lift * year, kpiMoney(data.model.money, data.model.target.kind))}</div>
              <div className="muted">{data.summary.target} per year at the same budget ({formatPct(rec.liftShare, true)})</div>
              {range ? <div className="rec-lift-range" data-testid="recommendation-range">{range} per year</div> : null}
            </div>
            <div>
              {rec.sentences.map((s) => <p key={s}>{s}</p>)}
              {lift && lift.sentence !== '' ? <p className="callout" data-testid="recommendation-interval">{lift.sentence} (Figures per {periodWord(data.model.frequency)}.)</p> : null}
              {result.feasible ? <AllocationNotes allocation={result} summary={data.summary} kind={data.model.target.kind} roiName={roiLabel(data.model.target.kind)}
                period={periodWord(data.model.frequency)} breakEven={breakEven} money={data.model.money} how="Try wider limits in the Budget simulator to see where the model would stop." testId="recommendation" /> : null}
              <GeoSplitNote model={data.model} testId="recommendation-geo-split" now={result.feasible ? result.geoSplitNow : null} />
              <p className="muted small">Figures are per {periodWord(data.model.frequency)} unless stated; each channel kept within {DEFAULT_BOUNDS_TEXT} of its current spend; {data.summary.target} is {curveBasisText('expected', loaded ? expectedReplicates(loaded.responseModel) : 0, drawSource(data.model))}, as in the Budget simulator, where you can try other limits.</p>
            </div>
          </div>
        )}
    </Section>
  );
}
