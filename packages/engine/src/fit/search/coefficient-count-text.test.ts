import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coefficientCountText } from './coefficient-count-text.ts';
import { buildSearchProblem } from './search-problem.ts';
import { defaultModelSpec } from '../../spec/model-spec.ts';
import { simulatePreset } from '../../simulate/index.ts';

test('coefficientCountText: the count per kind, largest first, and the remedies for the kinds present', () => {
  const baseline = [
    { name: 'trend', kind: 'trend' as const }, { name: 'trend_cp1', kind: 'trend' as const }, { name: 'trend_cp2', kind: 'trend' as const },
    { name: 'sin1', kind: 'seasonality' as const }, { name: 'cos1', kind: 'seasonality' as const },
    ...['holiday_us_christmas', 'holiday_black_friday', 'holiday_us_new_year', 'promo'].map((name) => ({ name, kind: 'event' as const })),
  ];
  const { parts, remedies } = coefficientCountText(baseline, 3, 1);
  assert.equal(parts, '1 intercept, 4 events, 3 channels, 2 trend changepoints, 2 seasonality terms, 1 organic media series, 1 trend term');
  assert.equal(remedies, 'fewer events (3 from --holidays: fewer holidays or --holiday-columns set), fewer trend changepoints (--changepoints), fewer seasonality terms (--seasonality)');
  assert.deepEqual(coefficientCountText([], 2, 0), { parts: '1 intercept, 2 channels', remedies: '' });
});

test('TOO_FEW_PERIODS names what the coefficients are: many events on a short window are the cost', () => {
  const sim = simulatePreset('retail', 1);
  const n = 30;
  const cut = (v: Float64Array) => v.slice(0, n);
  const events = Array.from({ length: 25 }, (_, k) => ({ name: `holiday_h${k}`, values: Float64Array.from({ length: n }, (_, t) => (t === k ? 1 : 0)) }));
  const table = {
    ...sim.table, dates: sim.table.dates.slice(0, n), target: { ...sim.table.target, values: cut(sim.table.target.values) },
    channels: sim.table.channels.map((c) => ({ ...c, spend: cut(c.spend) })), controls: [], events,
  };
  const spec = defaultModelSpec({ nTimes: n, frequency: table.frequency, channels: table.channels.map((c) => c.name) });
  assert.throws(() => buildSearchProblem(table, spec), (e: Error) => {
    assert.match(e.message, /coefficients \(1 intercept, 25 events, 5 channels, [^)]*\) but only \d+ training periods/);
    assert.match(e.message, /fewer events \(25 from --holidays: fewer holidays or --holiday-columns set\)/);
    return true;
  });
});
