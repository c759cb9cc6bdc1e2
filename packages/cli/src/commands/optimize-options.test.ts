import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidArgumentError } from 'commander';
import { CLASSIC_SCENARIOS, DEFAULT_FRONTIER_LEVELS } from '@mixwise/engine';
import { UsageError } from '../usage-error.ts';
import {
  boundsSource, buildConstraints, chooseObjective, parseBoundsFlag, parseAmount, parsePositiveRatio, parseRatio, parseBoundRange, parseBoundValue, parseChannelBounds, parseLocks, parseMaxChange, parseScenarios, parseCurrent,
} from './optimize-options.ts';

const mult = (value: number) => ({ type: 'multiple', value }) as const;

test('parseAmount: the dashboard\'s forms (thousands separators, k/M/B, exponents, underscores); rejects the rest', () => {
  assert.equal(parseAmount('2500.5'), 2500.5);
  assert.equal(parseAmount(' 1e5 '), 100000);
  assert.equal(parseAmount('1_000_000'), 1000000);
  assert.equal(parseAmount('.5'), 0.5);
  assert.equal(parseAmount('25k'), 25000);
  assert.equal(parseAmount('19,500'), 19500);
  assert.equal(parseAmount('1.2M'), 1200000);
  assert.equal(parseAmount('250 000'), 250000);
  for (const bad of ['', '-5', 'abc', '2,5', '1,0000', 'Infinity', 'NaN', '5x', '1e400']) assert.throws(() => parseAmount(bad), InvalidArgumentError, bad);
  assert.throws(() => parseAmount('2,5'), /"2,5" is not an amount: .*25k/);
  // German-style thousands: refused with why, never read as 150.
  assert.throws(() => parseAmount('150.000'), /"150.000" looks like "\." separating thousands: read as a decimal it would be 150, 1000× too small; type 150000 or 150,000/);
});

test('parseAmount: --target-kpi 2.125 suggests a decimal that is accepted (2.1250), and a minus stays in the suggestion', () => {
  assert.throws(() => parseAmount('2.125'), /type 2125 or 2,125 \(or 2\.1250 if you meant the decimal\)\.$/);
  assert.equal(parseAmount('2.1250'), 2.125);
  assert.throws(() => parseAmount('-1.500'), /type -1500 or -1,500 \(or -1\.5 if you meant the decimal\)\.$/);
});

test('parseRatio: --target-roi and --target-mroi take plain numbers only', () => {
  assert.equal(parseRatio('1.5'), 1.5);
  // A ratio is never thousands: 1.125 is 1.125 (the dashboard's goal and margin fields read it so too).
  assert.equal(parseRatio('1.125'), 1.125);
  assert.equal(parsePositiveRatio('1.125'), 1.125);
  for (const bad of ['1.5k', '1,5', '-1']) assert.throws(() => parseRatio(bad), InvalidArgumentError, bad);
});

test('abs bounds and --max-change take amounts (5k, 20kabs); the unit on one side applies to both', () => {
  assert.deepEqual(parseBoundRange('5k:20kabs', ':'), { min: { type: 'absolute', value: 5000 }, max: { type: 'absolute', value: 20000 } });
  assert.deepEqual(parseBoundRange('0.5x:1.2Mabs', ':'), { min: { type: 'multiple', value: 0.5 }, max: { type: 'absolute', value: 1200000 } });
  assert.deepEqual(parseMaxChange('5kabs'), { type: 'absolute', value: 5000 });
  assert.throws(() => parseBoundRange('5k:2', ':'), InvalidArgumentError, 'a k amount without abs is not a multiple');
});

test('parseBoundValue: units x (default), abs, %', () => {
  assert.deepEqual(parseBoundValue('1.2'), { bound: mult(1.2), explicit: false });
  assert.deepEqual(parseBoundValue('1.2x'), { bound: mult(1.2), explicit: true });
  assert.deepEqual(parseBoundValue('5000abs'), { bound: { type: 'absolute', value: 5000 }, explicit: true });
  assert.deepEqual(parseBoundValue('20%'), { bound: { type: 'share', value: 0.2 }, explicit: true });
  for (const bad of ['', 'abs', '-1', '1.2y', 'x1']) assert.throws(() => parseBoundValue(bad), InvalidArgumentError, bad);
  // Dot thousands in an amount are refused with why, never read as 150 (1000× too small).
  for (const bad of ['150.000abs', '1.500.000abs']) assert.throws(() => parseBoundValue(bad), /looks like "\." separating thousands/, bad);
  assert.throws(() => parseBoundRange('20.000abs,300000abs', ','), /"20\.000" looks like "\." separating thousands/);
  assert.throws(() => parseChannelBounds('tv=150.000:300000abs'), /"150\.000" looks like "\." separating thousands/);
  assert.throws(() => parseMaxChange('150.000abs'), /looks like "\." separating thousands/);
  // A multiple or a share keeps its decimal point: 1.500 is 1.5 times current spend.
  assert.deepEqual(parseBoundValue('1.500'), { bound: mult(1.5), explicit: false });
  assert.deepEqual(parseBoundValue('1.500kabs'), { bound: { type: 'absolute', value: 1500 }, explicit: true });
});

test('parseBoundRange: LO,HI multiples; open sides; unit inheritance; LO > HI rejected', () => {
  assert.deepEqual(parseBoundRange('0.5,1.5', ','), { min: mult(0.5), max: mult(1.5) });
  assert.deepEqual(parseBoundRange('0.5,', ','), { min: mult(0.5) });
  assert.deepEqual(parseBoundRange(':2', ':'), { max: mult(2) });
  assert.deepEqual(parseBoundRange('5000:20000abs', ':'), { min: { type: 'absolute', value: 5000 }, max: { type: 'absolute', value: 20000 } });
  assert.deepEqual(parseBoundRange('5,60%', ','), { min: { type: 'share', value: 0.05 }, max: { type: 'share', value: 0.6 } });
  assert.deepEqual(parseBoundRange('0.5x:20000abs', ':'), { min: mult(0.5), max: { type: 'absolute', value: 20000 } });
  for (const bad of ['1.5,0.5', ',', '1', '1,2,3', 'a,b', '30000:20000abs']) {
    assert.throws(() => parseBoundRange(bad, bad.includes(':') ? ':' : ','), InvalidArgumentError, bad);
  }
});

test('parseChannelBounds: CH=LO:HI, repeatable and comma-separated', () => {
  const first = parseChannelBounds('tv=0.8:1.2');
  assert.deepEqual(first, [{ channel: 'tv', bounds: { min: mult(0.8), max: mult(1.2) } }]);
  const both = parseChannelBounds('search=:20000abs, ooh=5%:30%', first);
  assert.deepEqual(both.map((b) => b.channel), ['tv', 'search', 'ooh']);
  assert.deepEqual(both[1].bounds, { max: { type: 'absolute', value: 20000 } });
  assert.deepEqual(both[2].bounds, { min: { type: 'share', value: 0.05 }, max: { type: 'share', value: 0.3 } });
  for (const bad of ['tv', '=0.5:1', 'tv=0.5', 'tv=1.2:0.8', ',']) assert.throws(() => parseChannelBounds(bad), InvalidArgumentError, bad);
});

test('parseLocks collects names; parseMaxChange reads fractions, percents and amounts', () => {
  assert.deepEqual(parseLocks('tv, ooh', ['search']), ['search', 'tv', 'ooh']);
  assert.throws(() => parseLocks(' , '), InvalidArgumentError);
  assert.deepEqual(parseMaxChange('0.3'), { type: 'relative', value: 0.3 });
  assert.deepEqual(parseMaxChange('30%'), { type: 'relative', value: 0.3 });
  assert.deepEqual(parseMaxChange('5000abs'), { type: 'absolute', value: 5000 });
});

test('parseScenarios: no value → classic; sweep → 50–200 %; lists of multiples or percents', () => {
  assert.deepEqual(parseScenarios(true), [...CLASSIC_SCENARIOS]);
  assert.deepEqual(parseScenarios('sweep'), [...DEFAULT_FRONTIER_LEVELS]);
  assert.deepEqual(parseScenarios('0.9, 1,110%'), [0.9, 1, 1.1]);
  for (const bad of ['0', '-1', 'abc', ',', '1,,x']) assert.throws(() => parseScenarios(bad), InvalidArgumentError, bad);
});

test('chooseObjective: at most one objective; ROI targets exclude --periods; targets exclude --up-to', () => {
  assert.deepEqual(chooseObjective({}), { type: 'budget', value: null });
  assert.deepEqual(chooseObjective({ budget: 100, periods: 4 }), { type: 'budget', value: 100 });
  assert.deepEqual(chooseObjective({ budget: 100, upTo: true }), { type: 'budget', value: 100 });
  assert.deepEqual(chooseObjective({ targetKpi: 5 }), { type: 'target-kpi', value: 5 });
  assert.deepEqual(chooseObjective({ targetRoi: 2 }), { type: 'target-roi', value: 2 });
  assert.deepEqual(chooseObjective({ targetMroi: 1 }), { type: 'target-mroi', value: 1 });
  assert.throws(() => chooseObjective({ budget: 1, targetKpi: 2 }), (e: unknown) => e instanceof UsageError && /--budget and --target-kpi/.test(e.message));
  assert.throws(() => chooseObjective({ targetRoi: 1, targetMroi: 2 }), UsageError);
  // A KPI target over a plan is a plan problem (the least plan budget); ROI targets stay steady-state.
  assert.deepEqual(chooseObjective({ targetKpi: 1, periods: 4 }), { type: 'target-kpi', value: 1 });
  assert.throws(() => chooseObjective({ targetRoi: 1, periods: 4 }), (e: unknown) => e instanceof UsageError && /--periods/.test(e.message));
  assert.throws(() => chooseObjective({ targetMroi: 1, periods: 4 }), (e: unknown) => e instanceof UsageError && /--periods/.test(e.message));
  assert.throws(() => chooseObjective({ targetRoi: 1, upTo: true }), (e: unknown) => e instanceof UsageError && /--up-to/.test(e.message));
  assert.throws(() => chooseObjective({ budget: 10, periods: 4, upTo: true }), (e: unknown) => e instanceof UsageError && /--up-to is for steady-state budgets/.test(e.message));
});

test('buildConstraints: defaults, per-channel bounds, locks, maxChange; unknown or repeated channels refused', () => {
  const c = buildConstraints({
    bounds: { min: mult(0.5), max: mult(1.5) }, bound: [{ channel: 'tv', bounds: { max: mult(1.2) } }], lock: ['search'], maxChange: { type: 'relative', value: 0.3 },
  }, ['tv', 'search']);
  assert.deepEqual(c, {
    defaults: { min: mult(0.5), max: mult(1.5) }, channels: { tv: { max: mult(1.2) } }, locks: { search: true }, maxChange: { type: 'relative', value: 0.3 },
  });
  // No --bounds: the built-in default for every channel; --bounds none: nothing.
  assert.deepEqual(buildConstraints({}, ['tv']), { defaults: { min: mult(0.5), max: mult(2) } });
  assert.deepEqual(buildConstraints({ bounds: 'none' }, ['tv']), {});
  assert.throws(() => buildConstraints({ lock: ['radio'] }, ['tv']), (e: unknown) => e instanceof UsageError && /radio.*channels are tv/.test(e.message));
  assert.throws(() => buildConstraints({ bound: [{ channel: 'tv', bounds: {} }, { channel: 'tv', bounds: {} }] }, ['tv']), /twice/);
});

test('--bounds none removes the default range; anything else is a range; where the bounds came from', () => {
  assert.equal(parseBoundsFlag(' None '), 'none');
  assert.deepEqual(parseBoundsFlag('0.8,1.2'), { min: mult(0.8), max: mult(1.2) });
  assert.throws(() => parseBoundsFlag('nothing'), /not a bound|LO,HI/);
  assert.equal(boundsSource({}), 'default');
  assert.equal(boundsSource({ bounds: 'none' }), 'none');
  assert.equal(boundsSource({ bounds: { max: mult(3) } }), 'given');
});

test('parseCurrent: CHANNEL=AMOUNT, repeatable and comma-separated (a thousands comma stays in its amount); a channel twice or a bad amount is refused', () => {
  assert.deepEqual(parseCurrent('tiktok=10,900'), { tiktok: 10900 });
  assert.deepEqual(parseCurrent('tiktok=10.9k,tv=5000', { search: 1 }), { search: 1, tiktok: 10900, tv: 5000 });
  assert.throws(() => parseCurrent('tiktok'), InvalidArgumentError);
  assert.throws(() => parseCurrent('tiktok=abc'), InvalidArgumentError);
  assert.throws(() => parseCurrent('tiktok=1', { tiktok: 2 }), /given twice for tiktok/);
});
