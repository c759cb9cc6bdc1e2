/** The method and its assumptions in plain language. */
export function AboutPage() {
  return (
    <article className="prose card" data-testid="about">
      <h1>How Mixwise works</h1>
      <p>
        Mixwise is a marketing-mix model (MMM): it explains a KPI such as revenue or orders, period by period, as a
        <strong> baseline</strong> (what would happen without media: trend, seasonality, holidays, price, promotions) plus a
        <strong> contribution from each media channel</strong>. It learns this from your history of spend and results; no user-level tracking is needed.
      </p>
      <h2>Carryover (adstock)</h2>
      <p>
        Advertising keeps working after the money is spent: a TV burst this week still lifts sales next week. The model spreads each period's
        spend over the following periods with a decay curve (geometric or Weibull). The <em>Adstock</em> chart in the model explorer shows how
        much of the effect lands in each week after the spend.
      </p>
      <h2>Diminishing returns (saturation)</h2>
      <p>
        Doubling a channel's spend rarely doubles its effect. Each channel passes its carried-over spend through a saturation curve (Hill,
        logistic, Michaelis–Menten): the first euros work hardest, later ones less. The <em>response curves</em> show this, with a dot at today's spend.
      </p>
      <h2>Fitting (ridge regression and search)</h2>
      <p>
        For any choice of carryover and saturation settings, the channel and baseline coefficients are found by ridge regression (least squares with a
        small penalty that keeps estimates stable when channels move together), with media effects kept non-negative. A multi-objective search tries
        thousands of settings and keeps those that both fit well on held-back periods and give a plausible split of effect versus spend;
        the <em>Pareto front</em> in the explorer lists the best trade-offs, and one is chosen by a stated rule. A bootstrap gives the ROI intervals; a Bayesian fit (the Train panel's method) samples the posterior with NUTS instead, and its intervals are credible intervals, with the chains' convergence shown in the explorer.
      </p>
      <h2>What ROI and mROI mean</h2>
      <ul>
        <li><strong>ROI</strong> (or ROAS for revenue) is the KPI a channel drove divided by what it cost, over the modelling window. An ROI of 2 means two units of KPI per unit of spend, on average.</li>
        <li><strong>Marginal ROI (mROI)</strong> is what the <em>next</em> unit of spend would return at today's level. Because of diminishing returns it is usually below the ROI. Budget should move from channels with low mROI to those with high mROI until they are equal — that is what the optimiser does, on the <em>steady-state</em> mROI (each channel's mean spend held level every period, as on the response curves and in the simulator). The mROI in the fit's table and the report is <em>historical</em> (over the window's own, uneven spend); with saturating curves the two can differ several-fold, so rank channels by the simulator's figures, not the table's. Pages that show both say how far apart they are.</li>
        <li>The simulator and optimiser work with a <em>sustained</em> spend level per period (steady state after carryover has built up).</li>
      </ul>
      <h2>Limits — read before acting</h2>
      <ul>
        <li><strong>Correlation is not causation.</strong> The model sees what moved together. If spend was raised exactly when demand was high anyway, a channel can look better than it is. Controls and events help but cannot fix everything.</li>
        <li><strong>Experiments calibrate.</strong> Geo or conversion-lift tests measure causal effects; feed them in as lift tests so the model agrees with them.</li>
        <li><strong>Stay near the data.</strong> Predictions far outside the spend levels seen in history (for example 3× a channel's usual budget) are extrapolations.</li>
        <li><strong>Check the diagnostics.</strong> Poor holdout accuracy, patterned residuals or high VIFs (channels that always move together) mean the split between channels is uncertain — look at the ROI intervals.</li>
      </ul>
    </article>
  );
}
