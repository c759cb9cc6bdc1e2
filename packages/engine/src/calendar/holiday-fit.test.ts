/**
 * Built-in holidays recover what event columns would: the simulated daily e-commerce data (Black
 * Friday +90%, Cyber Monday +60%, Christmas days −35%…) fitted WITHOUT its event columns leaves those
 * days as large residuals; the same data with `us,retail` holiday events (computed from the dates
 * alone) must fit them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitMmm } from '../fit/fit-mmm.ts';
import { decompose } from '../analysis/decomposition.ts';
import { rSquared } from '../stats/r-squared.ts';
import { simulatePreset } from '../simulate/presets/index.ts';
import type { ModelingTable } from '../spec/modeling-table.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { holidayEvents } from './holiday-events.ts';
import { selectHolidays } from './holiday-sets.ts';

const QUICK: Partial<ModelSpec> = { search: { iterations: 600, trials: 1, seed: 1, weights: { nrmseTrain: 1, nrmseValidation: 1, decompRssd: 0, mapeLift: 1 }, bootstrap: 0, posterior: 0 } };

/** |actual − fitted| / actual on the given dates, and R² over every period. */
async function fitOn(table: ModelingTable, dates: readonly string[]): Promise<{ relErr: number[]; r2: number }> {
  const d = decompose(await fitMmm(table, QUICK));
  const relErr = dates.map((iso) => {
    const t = d.dates.indexOf(iso);
    return Math.abs(d.actual[t] - d.fitted[t]) / d.actual[t];
  });
  return { relErr, r2: rSquared(d.actual, d.fitted) };
}

test('daily e-commerce without event columns: --holidays us,retail shrinks the Black Friday residual and raises R²', async () => {
  const sim = simulatePreset('ecommerce', 3);
  assert.ok(sim.table.events.length > 0, 'the preset simulates events');
  const bare: ModelingTable = { ...sim.table, events: [] };
  const made = holidayEvents(bare.dates, bare.frequency, selectHolidays(['us', 'retail']));
  assert.ok(made.events.some((e) => e.name === 'holiday_black_friday'));
  const withHolidays: ModelingTable = { ...bare, events: made.events.map((e) => ({ name: e.name, values: e.values })) };
  const blackFridays = ['2023-11-24', '2024-11-29'];
  const without = await fitOn(bare, blackFridays);
  const withH = await fitOn(withHolidays, blackFridays);
  // Black Friday lifts revenue by ~90% in the simulation: without an event the fit misses most of it.
  for (let i = 0; i < blackFridays.length; i++) {
    assert.ok(without.relErr[i] > 0.25, `without holidays the ${blackFridays[i]} residual is large (${without.relErr[i]})`);
    assert.ok(withH.relErr[i] < without.relErr[i] / 3, `${blackFridays[i]}: ${withH.relErr[i]} vs ${without.relErr[i]} without holidays`);
  }
  assert.ok(withH.r2 > without.r2 + 0.05, `R² ${withH.r2} with holidays vs ${without.r2} without`);
});
