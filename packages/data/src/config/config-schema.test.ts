import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ADSTOCK_TYPES, SATURATION_TYPES } from '@mixwise/engine';
import { parseConfigText } from './load-config.ts';
import { issuesOf } from './config-issues.test-support.ts';
import { ADSTOCK_CHOICES, SATURATION_CHOICES } from './config-schema.ts';

/** A config using every key (fixtures/full-config.yaml). Line numbers matter: tests break single lines of it. */
const FULL_CONFIG = readFileSync(fileURLToPath(new URL('./fixtures/full-config.yaml', import.meta.url)), 'utf8');

/** Replaces one line (1-based) of a text. */
function withLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
}


test('a config using every key is accepted; data.path resolves against the config folder', () => {
  const loaded = parseConfigText(FULL_CONFIG, 'mixwise.yaml', '/project');
  const c = loaded.config;
  assert.equal(loaded.dataPath, '/project/data/sales.csv');
  assert.deepEqual(c.columns.channels?.[0].bounds, { adstock: { alpha: [0.1, 0.7] }, saturation: { half_saturation: [0.5, 2], shape: [1, 3] } });
  assert.deepEqual(c.columns.controls, [{ name: 'price', sign: 'negative' }, { name: 'temp', column: 'temperature_c', sign: 'free' }]);
  assert.deepEqual(c.window, { start: '2022-01-03', end: '2024-12-30' });
  assert.equal(c.holdout, 8);
  assert.deepEqual(c.search, { iterations: 1500, seed: 7, trials: 2 });
  assert.deepEqual(c.calibration?.lift_tests, [{ channel: 'tv', start: '2024-03-04', end: '2024-04-01', lift: 125000 }]);
  assert.equal(loaded.lineOf(['columns', 'channels', 1, 'spend']), 20);
});

test('a minimal config: version, data path, target; controls default to [] and signs to free', () => {
  const c = parseConfigText('version: 1\ndata: { path: d.csv }\ncolumns:\n  target: y\n  controls: [{ name: p }]\n', 'm.yaml', '/p').config;
  assert.deepEqual(c.columns.controls, [{ name: 'p', sign: 'free' }]);
  assert.equal(c.columns.channels, undefined);
});

test('an unknown bound parameter of the channel\'s adstock family: its line and key, listing the known ones', () => {
  const [issue, ...rest] = issuesOf(withLine(FULL_CONFIG, 17, '        adstock: { alfa: [0.1, 0.7] }'));
  assert.equal(rest.length, 0);
  assert.equal(issue.code, 'CONFIG_INVALID');
  assert.equal(issue.key, 'columns.channels[0].bounds.adstock.alfa');
  assert.deepEqual(issue.at, { file: 'mixwise.yaml', row: 17 });
});

test('a parameter of another family (geometric has no shape) is rejected with the family\'s parameters', () => {
  const [issue] = issuesOf(withLine(FULL_CONFIG, 17, '        adstock: { shape: [0.5, 2] }'));
  assert.equal(issue.key, 'columns.channels[0].bounds.adstock.shape');
  assert.equal(issue.at.row, 17);
  assert.match(issue.message, /adstock geometric has no parameter "shape"/);
  assert.match(issue.hint, /its parameters are: alpha$/);
});

test('an unknown key in a channel (a typo) names the key and the allowed ones', () => {
  const [issue] = issuesOf(withLine(FULL_CONFIG, 14, '      max_lags: 8'));
  assert.equal(issue.key, 'columns.channels[0].max_lags');
  assert.equal(issue.at.row, 14);
  assert.match(issue.message, /unknown key "max_lags"/);
  assert.match(issue.hint, /allowed keys here: name, spend, exposure, media, adstock, max_lag, saturation, bounds/);
});

test('a wrong sign word: line, key and the allowed words', () => {
  const [issue] = issuesOf(withLine(FULL_CONFIG, 22, '    - { name: price, sign: negativ }'));
  assert.equal(issue.key, 'columns.controls[0].sign');
  assert.equal(issue.at.row, 22);
  assert.match(issue.message, /"negativ" is not allowed/);
  assert.equal(issue.hint, 'use one of: positive, negative, free');
});

test('a missing target points at the enclosing "columns:" line', () => {
  const [issue] = issuesOf(withLine(FULL_CONFIG, 7, ''));
  assert.equal(issue.key, 'columns.target');
  assert.equal(issue.at.row, 5);
  assert.match(issue.message, /required key "target" is missing/);
});

test('a negative holdout: its line and the range', () => {
  const [issue] = issuesOf(withLine(FULL_CONFIG, 27, 'holdout: -4'));
  assert.equal(issue.key, 'holdout');
  assert.equal(issue.at.row, 27);
  assert.match(issue.message, /-4 is out of range: it must be ≥ 0/);
});

test('every problem is reported at once, in file order of the keys', () => {
  const text = withLine(withLine(FULL_CONFIG, 27, 'holdout: 2.5'), 1, 'version: 2');
  assert.deepEqual(issuesOf(text).map((i) => [i.key, i.at.row]), [['version', 1], ['holdout', 27]]);
});

test('cross-field checks: lift test for a channel not listed, reversed window, log-scale bound at 0, duplicate channel', () => {
  assert.deepEqual(issuesOf(withLine(FULL_CONFIG, 36, '    - { channel: radio, start: 2024-03-04, end: 2024-04-01, lift: 1 }'))
    .map((i) => [i.key, i.at.row]), [['calibration.lift_tests[0].channel', 36]]);
  const reversed = issuesOf(withLine(FULL_CONFIG, 26, 'window: { start: 2024-01-01, end: 2023-01-01 }'));
  assert.deepEqual(reversed.map((i) => [i.key, i.at.row]), [['window.end', 26]]);
  const log = issuesOf(withLine(FULL_CONFIG, 18, '        saturation: { half_saturation: [0, 2] }'));
  assert.deepEqual(log.map((i) => [i.key, i.at.row]), [['columns.channels[0].bounds.saturation.half_saturation', 18]]);
  assert.match(log[0].message, /log scale/);
  const dup = issuesOf(withLine(FULL_CONFIG, 19, '    - name: TV'));
  assert.deepEqual(dup.map((i) => [i.key, i.at.row]), [['columns.channels[1].name', 19]]);
});

test('a lift test on organic media (columns.organic) says lift tests are for paid channels, not "unknown channel"', () => {
  const text = withLine(withLine(FULL_CONFIG, 36, '    - { channel: newsletter, start: 2024-03-04, end: 2024-04-01, lift: 1 }'), 24, '  events: [black_friday]\n  organic: [newsletter]');
  const issues = issuesOf(text);
  assert.deepEqual(issues.map((i) => i.key), ['calibration.lift_tests[0].channel']);
  assert.match(issues[0].message, /lift test names organic media "newsletter": lift tests calibrate paid channels only/);
});

test('a lift test repeated exactly is an error at the repeat, naming the first; a different lift is a separate test', () => {
  const tv = '    - { channel: tv, start: 2024-03-04, end: 2024-04-01, lift: 125000 }';
  const repeated = issuesOf(withLine(FULL_CONFIG, 36, `${tv}\n${tv}`));
  assert.deepEqual(repeated.map((i) => [i.code, i.key, i.at.row]), [['CONFIG_INVALID', 'calibration.lift_tests[1]', 37]]);
  assert.match(repeated[0].message, /lift test 2 repeats lift test 1/);
  assert.doesNotThrow(() => parseConfigText(withLine(FULL_CONFIG, 36, `${tv}\n${tv.replace('125000', '90000')}`), 'mixwise.yaml', '/project'));
});

test('impossible dates and reversed bounds are located', () => {
  const [bad] = issuesOf(withLine(FULL_CONFIG, 26, 'window: { start: 2023-02-30 }'));
  assert.deepEqual([bad.key, bad.at.row], ['window.start', 26]);
  assert.match(bad.message, /does not exist/);
  // Month 13 makes new Date invalid (toISOString would throw): still a config issue, not a crash.
  const [month] = issuesOf(withLine(FULL_CONFIG, 26, 'window: { start: 2022-13-01 }'));
  assert.deepEqual([month.key, month.at.row], ['window.start', 26]);
  assert.match(month.message, /does not exist/);
  const [range] = issuesOf(withLine(FULL_CONFIG, 17, '        adstock: { alpha: [0.7, 0.1] }'));
  assert.deepEqual([range.key, range.at.row], ['columns.channels[0].bounds.adstock.alpha', 17]);
});

test('a column name YAML reads as a number asks for quotes', () => {
  const [issue] = issuesOf(withLine(FULL_CONFIG, 7, '  target: 2024'));
  assert.equal(issue.key, 'columns.target');
  assert.match(issue.message, /expected a string, got 2024/);
  assert.match(issue.hint, /quotes/);
});

test('YAML syntax errors are CONFIG_SYNTAX with their line; an empty file is one clear issue', () => {
  const [syntax] = issuesOf('version: 1\ndata:\n  path: [a.csv\ncolumns: {}\n');
  assert.equal(syntax.code, 'CONFIG_SYNTAX');
  assert.equal(syntax.at.file, 'mixwise.yaml');
  // yaml notices the unclosed "[" of line 3 when line 4 starts at column 1.
  assert.equal(syntax.at.row, 4);
  assert.match(syntax.message, /^not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a \]$/);
  const [empty] = issuesOf('# nothing here\n');
  assert.equal(empty.message, 'the config file is empty');
});

test('the config choices are exactly the engine\'s families (plus auto)', () => {
  assert.deepEqual([...ADSTOCK_CHOICES], [...ADSTOCK_TYPES, 'auto']);
  assert.deepEqual([...SATURATION_CHOICES], [...SATURATION_TYPES, 'auto']);
});

test('a top-level typo names the allowed keys, sources among them after data', () => {
  const [issue] = issuesOf('version: 1\ndata: { path: d.csv }\nsource: {}\ncolumns: { target: y }\n');
  assert.equal(issue.key, 'source');
  assert.equal(issue.at.row, 3);
  assert.match(issue.hint, /allowed keys here: version, data, sources, columns, cleaning, granularity, holidays, holiday_columns, week_label, window, holdout, model, calibration, currency, locale, search$/);
});

test('sources instead of data: accepted, dataPath empty; B2B files are kept as written', () => {
  const text = 'version: 1\nsources:\n  week_start: sunday\n  b2b: { ads: a.csv, crm: c.csv, erp: e.csv, ref_campaigns: rc.csv, ref_countries: rn.csv, ref_products: rp.csv }\ncolumns: { target: revenue }\n';
  const loaded = parseConfigText(text, 'm.yaml', '/p');
  assert.equal(loaded.dataPath, '');
  assert.equal(loaded.config.sources?.week_start, 'sunday');
  assert.equal(loaded.config.sources?.b2b?.ref_products, 'rp.csv');
  const long = parseConfigText('version: 1\nsources: { spend: s.csv, kpi: k.csv }\ncolumns: { target: revenue }\n', 'm.yaml', '/p');
  assert.deepEqual(long.config.sources, { spend: 's.csv', kpi: 'k.csv' });
});

test('neither data nor sources, both, or incomplete sources: config errors at their lines', () => {
  const [none] = issuesOf('version: 1\ncolumns: { target: y }\n');
  assert.equal(none.key, '');
  assert.match(none.message, /names no data: give "data" or "sources"/);
  const [both] = issuesOf('version: 1\ndata: { path: d.csv }\nsources: { spend: s.csv, kpi: k.csv }\ncolumns: { target: y }\n');
  assert.equal(both.key, 'sources');
  assert.equal(both.at.row, 3);
  assert.match(both.message, /both "data" and "sources"/);
  const [half] = issuesOf('version: 1\nsources:\n  spend: s.csv\ncolumns: { target: y }\n');
  assert.match(half.message, /spend file but no kpi file/);
  const [empty] = issuesOf('version: 1\nsources: {}\ncolumns: { target: y }\n');
  assert.match(empty.message, /sources names no files/);
  const [mixed] = issuesOf('version: 1\nsources:\n  spend: s.csv\n  kpi: k.csv\n  b2b: { ads: a, crm: c, erp: e, ref_campaigns: r, ref_countries: r, ref_products: r }\ncolumns: { target: y }\n');
  assert.equal(mixed.key, 'sources.b2b');
  assert.equal(mixed.at.row, 5);
  assert.match(mixed.message, /more than one kind of input/);
  const [meridian] = issuesOf('version: 1\nsources:\n  spend: s.csv\n  kpi: k.csv\n  meridian: geo.csv\ncolumns: { target: y }\n');
  assert.equal(meridian.key, 'sources.meridian');
  assert.equal(meridian.at.row, 5);
});

test('saturation auto: bounds of any auto curve (Hill, logistic) are accepted, others are refused at their key', () => {
  const text = withLine(withLine(FULL_CONFIG, 18, '        saturation: { shape: [1, 2], lambda: [0.1, 2] }'), 15, '      saturation: auto');
  assert.doesNotThrow(() => parseConfigText(text, 'mixwise.yaml', '/project'));
  const bad = issuesOf(text.replace('lambda: [0.1, 2]', 'scale: [0.1, 2]'));
  assert.deepEqual(bad.map((i) => [i.key, i.at.row]), [['columns.channels[0].bounds.saturation.scale', 18]]);
});

test('a lift of 0 or below is accepted with its standard_error, and an error at standard_error without one', () => {
  const line = (lift: string) => `    - { channel: tv, start: 2024-03-04, end: 2024-04-01, lift: ${lift} }`;
  assert.doesNotThrow(() => parseConfigText(withLine(FULL_CONFIG, 36, line('-500, standard_error: 100')), 'mixwise.yaml', '/project'));
  assert.doesNotThrow(() => parseConfigText(withLine(FULL_CONFIG, 36, line('0, standard_error: 100')), 'mixwise.yaml', '/project'));
  const [bare] = issuesOf(withLine(FULL_CONFIG, 36, line('-500')));
  assert.deepEqual([bare.key, bare.at.row], ['calibration.lift_tests[0].standard_error', 36]);
  assert.match(bare.message, /a lift of 0 or below \(-500\) needs its standard_error/);
});

test('week_label or holiday_columns without holidays: an error at the key (they would be ignored), not a silent default', () => {
  const base = 'version: 1\ndata:\n  path: data.csv\ncolumns:\n  target: revenue\n';
  assert.deepEqual(issuesOf(`${base}week_label: end\n`).map((i) => [i.key, i.at.row]), [['week_label', 6]]);
  assert.match(issuesOf(`${base}holiday_columns: set\n`)[0].message, /holiday_columns only applies with holidays:/);
  assert.doesNotThrow(() => parseConfigText(`${base}holidays: [us]\nweek_label: end\n`, 'mixwise.yaml', '/project'));
});
