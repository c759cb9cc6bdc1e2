// --currency and --locale end to end (real small fits, in process): fit stores them in model.json and
// summary.json; the printed table, report.html, optimize's table and paragraph write amounts with them;
// report and optimize override them for one output; a count KPI's amounts stay bare; the config's
// currency:/locale: and a refresh carry them; a bad code is a usage error. Without them output is unchanged.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModel } from '@mixwise/engine';
import { inProcessCli, QUICK_FIT } from './in-process-cli.ts';

const { dir, mixwise, json } = inProcessCli('mixwise-currency-');
const NBSP = '\u00a0';
const read = (path: string): string => readFileSync(join(dir, path), 'utf8');
/** The amounts of a text that carry a € after them, German style (1.234.567 €). */
const euros = (text: string): string[] => text.match(/\d{1,3}(?:\.\d{3})+\u00a0€/g) ?? [];

let plain: { code: number; stdout: string; stderr: string };
let eur: { code: number; stdout: string; stderr: string };

before(async () => {
  assert.equal((await mixwise(['simulate', '--preset', 'retail', '--seed', '3', '--out', 'sim'])).code, 0);
  plain = await mixwise(['fit', 'sim/data.csv', '--target', 'revenue', ...QUICK_FIT, '--out', 'plain']);
  eur = await mixwise(['fit', 'sim/data.csv', '--target', 'revenue', ...QUICK_FIT, '--currency', 'eur', '--locale', 'de-DE', '--out', 'eur']);
});

test('fit --currency EUR --locale de-DE: model.json and summary.json record it; the table shows € amounts; figures are the same', () => {
  assert.equal(eur.code, 0, eur.stderr);
  const model = json('eur/model.json');
  assert.deepEqual(model.money, { currency: 'EUR', locale: 'de-DE' });
  // Round trip: the engine's reader keeps it.
  assert.deepEqual(parseModel(JSON.parse(read('eur/model.json'))).money, { currency: 'EUR', locale: 'de-DE' });
  assert.equal(json('eur/summary.json').currency, 'EUR');
  // Machine outputs keep plain numbers: the same summary as the fit without a currency.
  const a = json('plain/summary.json'), b = json('eur/summary.json');
  assert.deepEqual(b.channels.map((c: { spend: number; contribution: number }) => [c.spend, c.contribution]), a.channels.map((c: { spend: number; contribution: number }) => [c.spend, c.contribution]));
  const tv = b.channels.find((c: { name: string }) => c.name === 'tv');
  const spend = Math.round(tv.spend).toLocaleString('de-DE');
  const line = eur.stdout.split('\n').find((l) => l.startsWith('tv '));
  assert.ok(line?.includes(`${spend}${NBSP}€`), `tv's row shows its spend in euros: ${line}`);
  // A revenue KPI's contribution is money too.
  assert.ok(line?.includes(`${Math.round(tv.contribution).toLocaleString('de-DE')}${NBSP}€`), line);
});

test('without --currency the fit prints bare amounts and writes no money field', () => {
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(json('plain/model.json').money, undefined);
  assert.equal('currency' in json('plain/summary.json'), false);
  assert.ok(!plain.stdout.includes('€') && !plain.stdout.includes('$'));
  const tv = json('plain/summary.json').channels.find((c: { name: string }) => c.name === 'tv');
  assert.match(plain.stdout, new RegExp(`\\ntv +${Math.round(tv.spend).toLocaleString('en-US')} `));
  // The same table but for the symbols and marks: the fits are identical.
  assert.equal(eur.stdout.replace(/[^\n]*model of revenue[^\n]*/, '').split('\n').length, plain.stdout.replace(/[^\n]*model of revenue[^\n]*/, '').split('\n').length);
});

test('report of the EUR run shows € amounts without the flag; --currency GBP --locale en-GB overrides it for that report', async () => {
  const html = read('eur/report.html');
  const tv = json('eur/summary.json').channels.find((c: { name: string }) => c.name === 'tv');
  assert.ok(html.includes(`data-field="spend" data-value="${tv.spend}">${Math.round(tv.spend).toLocaleString('de-DE')}${NBSP}€<`), 'ROI table spend in euros');
  assert.match(html, /class="recommendation"[^>]*>Keeping the total at [\d.]+\u00a0€ per period/);
  const r = await mixwise(['report', '--model', 'eur', '--currency', 'GBP', '--locale', 'en-GB', '--out', 'gbp.html']);
  assert.equal(r.code, 0, r.stderr);
  const gbp = read('gbp.html');
  assert.ok(gbp.includes(`>£${Math.round(tv.spend).toLocaleString('en-GB')}<`));
  assert.equal(euros(gbp).length, 0);
  // The plain run's report has no symbol.
  assert.ok(!read('plain/report.html').includes('€'));
});

test('optimize on the EUR run: the table, the expected KPI line and the paragraph carry €; --json keeps numbers', async () => {
  const r = await mixwise(['optimize', '--model', 'eur']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\ntotal +[\d.]+\u00a0€ +[\d.]+\u00a0€ /);
  assert.match(r.stdout, /Expected revenue: [\d.]+\u00a0€ now → [\d.]+\u00a0€ recommended \(\+[\d.]+\u00a0€/);
  assert.match(r.stdout, /Spend [\d.]+\u00a0€ per period/);
  const out = json('eur/optimization.json');
  assert.equal(typeof out.budget, 'number');
  assert.match(out.recommendation, /Spend [\d.]+\u00a0€ per period/);
  // The same request without a currency: the same figures, bare.
  const p = await mixwise(['optimize', '--model', 'plain']);
  assert.equal(p.code, 0, p.stderr);
  assert.ok(!p.stdout.includes('€'));
  assert.equal(json('plain/optimization.json').budget, out.budget);
  const usd = await mixwise(['optimize', '--model', 'eur', '--currency', 'USD', '--locale', 'en-US']);
  assert.match(usd.stdout, /Spend \$[\d,]+ per period/);
  // The margin's profits are amounts of spend; a plan's paragraph and budget table carry the currency too.
  const margin = await mixwise(['optimize', '--model', 'eur', '--margin', '0.3']);
  assert.match(margin.stdout.replace(/\n/g, ' '), /gross profit after media spend moves from −?[\d.]+\u00a0€ to −?[\d.]+\u00a0€ per period/);
  const plan = await mixwise(['optimize', '--model', 'eur', '--periods', '4']);
  assert.equal(plan.code, 0, plan.stderr);
  assert.match(plan.stdout.replace(/\n/g, ' '), /Spend [\d.]+\u00a0€ over the next 4 periods/);
  assert.match(plan.stdout, /Budget per period:\n[^\n]*\n[^\n]*\n1 +\d{4}-\d\d-\d\d +[\d.]+\u00a0€/);
});

test('a count KPI: spend and CPA carry the currency, the KPI amounts do not', async () => {
  const data = read('sim/data.csv').replace(/^([^\n]*)revenue/, '$1orders');
  writeFileSync(join(dir, 'orders.csv'), data);
  const r = await mixwise(['fit', 'orders.csv', '--target', 'orders', '--target-kind', 'count', ...QUICK_FIT, '--currency', 'GBP', '--locale', 'en-GB', '--out', 'count']);
  assert.equal(r.code, 0, r.stderr);
  const line = r.stdout.split('\n').find((l) => l.startsWith('tv ')) ?? '';
  const tv = json('count/summary.json').channels.find((c: { name: string }) => c.name === 'tv');
  assert.ok(line.includes(`£${Math.round(tv.spend).toLocaleString('en-GB')}`), line);
  assert.ok(!line.includes(`£${Math.round(tv.contribution).toLocaleString('en-GB')}`), `the contribution is orders: ${line}`);
  assert.match(line, /£\d+\.\d{2}/, 'the CPA is money');
  const o = await mixwise(['optimize', '--model', 'count']);
  assert.match(o.stdout, /Expected orders: [\d,]+ now/);
});

test('the config\'s currency: and locale: are used, and a refresh keeps the earlier run\'s', async () => {
  writeFileSync(join(dir, 'mixwise.yaml'), 'version: 1\ndata: { path: sim/data.csv }\ncolumns: { target: revenue }\ncurrency: gbp\nlocale: en-GB\nsearch: { iterations: 600, seed: 1 }\n');
  const c = await mixwise(['fit', '--config', 'mixwise.yaml', '--workers', '1', '--out', 'cfg']);
  assert.equal(c.code, 0, c.stderr);
  assert.deepEqual(json('cfg/model.json').money, { currency: 'GBP', locale: 'en-GB' });
  const r = await mixwise(['fit', 'sim/data.csv', '--refresh', 'eur', ...QUICK_FIT, '--out', 'eur-refresh']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(json('eur-refresh/model.json').money, { currency: 'EUR', locale: 'de-DE' });
  // A config giving only the currency keeps the refreshed run's locale (merged field by field; a flag still wins).
  writeFileSync(join(dir, 'chf.yaml'), 'version: 1\ndata: { path: sim/data.csv }\ncolumns: { target: revenue }\ncurrency: chf\n');
  const m = await mixwise(['fit', '--config', 'chf.yaml', '--refresh', 'eur', ...QUICK_FIT, '--out', 'chf-refresh']);
  assert.equal(m.code, 0, m.stderr);
  assert.deepEqual(json('chf-refresh/model.json').money, { currency: 'CHF', locale: 'de-DE' });
  const f = await mixwise(['fit', '--config', 'chf.yaml', '--refresh', 'eur', '--locale', 'en-GB', ...QUICK_FIT, '--out', 'chf-refresh-gb']);
  assert.equal(f.code, 0, f.stderr);
  assert.deepEqual(json('chf-refresh-gb/model.json').money, { currency: 'CHF', locale: 'en-GB' });
});

test('an unknown currency or locale is a usage error (exit 2) naming the flag and an example', async () => {
  const r = await mixwise(['fit', 'sim/data.csv', '--target', 'revenue', '--currency', 'EURO', '--out', 'bad']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--currency <code>.*'EURO' is invalid.*not an ISO 4217 currency code.*e\.g\. --currency EUR/s);
  const l = await mixwise(['optimize', '--model', 'eur', '--locale', 'xx_notatag']);
  assert.equal(l.code, 2);
  assert.match(l.stderr, /--locale <tag>.*e\.g\. --locale de-DE/s);
  // In the config it is a config error at its line (exit 1), as every bad key is.
  writeFileSync(join(dir, 'bad.yaml'), 'version: 1\ndata: { path: sim/data.csv }\ncolumns: { target: revenue }\ncurrency: EURO\n');
  const y = await mixwise(['fit', '--config', 'bad.yaml', '--out', 'bad']);
  assert.equal(y.code, 1);
  assert.match(y.stderr, /bad\.yaml:4: currency: "EURO" is not an ISO 4217 currency code/);
});

test('a hand-edited model.json with an invalid money field is refused (exit 1) naming the field, not an internal error', async () => {
  for (const [money, field, why] of [
    [{ currency: 'EURO', locale: 'de-DE' }, 'money.currency', /"EURO" is not an ISO 4217 currency code/],
    [{ currency: 'EUR', locale: 'xx_notatag' }, 'money.locale', /"xx_notatag" is not a BCP 47 locale tag/],
    ['EUR', 'money', /currency\?: an ISO 4217 code/],
  ] as const) {
    cpSync(join(dir, 'eur'), join(dir, 'hand-edited'), { recursive: true });
    writeFileSync(join(dir, 'hand-edited/model.json'), JSON.stringify({ ...json('eur/model.json'), money }));
    const r = await mixwise(['optimize', '--model', 'hand-edited']);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(r.stderr.includes(field), r.stderr);
    assert.match(r.stderr, why);
    assert.match(r.stderr, /model\.json/);
  }
});

test('compare: spend per period in the runs\' currency; runs in different currencies are said to be', async () => {
  const same = await mixwise(['compare', 'eur', 'eur-refresh']);
  assert.equal(same.code, 0, same.stderr);
  const tv = same.stdout.split('\n').find((l) => l.startsWith('tv ')) ?? '';
  assert.match(tv, /^tv +[\d.]+\u00a0€ +[\d.]+\u00a0€ /);
  assert.doesNotMatch(same.stdout, /different currencies/);
  const mixed = await mixwise(['compare', 'plain', 'eur']);
  assert.equal(mixed.code, 0, mixed.stderr);
  assert.match(mixed.stdout, /Amounts are in different currencies: A in no currency, B in EUR/);
});
