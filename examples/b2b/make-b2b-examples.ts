/**
 * Writes the B2B multi-source sample files of examples/b2b from the simulator's B2B preset (seed 7):
 * an ad-platform export (campaign-level daily spend, impressions, clicks), CRM opportunities, ERP
 * bookings and the reference tables that map them. Amounts are integer cents split with
 * splitCents, so every file adds up exactly to the simulator's series (docs/datamart.md).
 * Run: npx tsx --conditions=mixwise-source examples/b2b/make-b2b-examples.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRng, simulatePreset } from '@mixwise/engine';
import { splitCents } from '../../packages/data/src/reshape/split-cents.ts';
import { toCsv, type CsvCell } from '../../packages/data/src/write/write-csv.ts';

export const B2B_SEED = 7;
const OUT = fileURLToPath(new URL('./', import.meta.url));
const rng = createRng(B2B_SEED * 1000 + 17);

/** Channel → platform and its campaigns, with CPM (currency per 1000 impressions) and click rate. */
const CAMPAIGNS: Record<string, { platform: string; campaigns: string[]; cpm: number; ctr: number }> = {
  linkedin: { platform: 'LinkedIn Ads', campaigns: ['LI_ABM_Enterprise', 'LI_Lead_Gen_Forms'], cpm: 38, ctr: 0.006 },
  search: { platform: 'Google Ads', campaigns: ['GA_Brand_Exact', 'GA_NonBrand_Analytics', 'GA_NonBrand_Security'], cpm: 90, ctr: 0.045 },
  display: { platform: 'DV360', campaigns: ['DV_Prospecting', 'DV_Retargeting'], cpm: 6, ctr: 0.0012 },
  events: { platform: 'Cvent', campaigns: ['EV_Trade_Shows'], cpm: 400, ctr: 0 },
  webinars: { platform: 'ON24', campaigns: ['WB_Product_Webinars'], cpm: 250, ctr: 0.08 },
};
const DAY_WEIGHTS = [1.2, 1.25, 1.2, 1.15, 1.0, 0.55, 0.45]; // Monday … Sunday
const COUNTRIES: Record<string, string[]> = { NA: ['US', 'CA'], EMEA: ['DE', 'GB', 'FR'], APAC: ['JP', 'AU', 'SG'], LATAM: ['BR', 'MX'] };
const PRODUCTS: Record<string, string[]> = {
  platform: ['PLT-CORE', 'PLT-ENTERPRISE'], analytics: ['ANL-INSIGHTS', 'ANL-FORECAST'], security: ['SEC-GUARD', 'SEC-AUDIT'], services: ['SVC-ONBOARDING'],
};
const cents = (x: number): number => Math.round(x * 100);
const money = (c: number): string => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`;
const addDays = (iso: string, n: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)];
const write = (name: string, columns: string[], rows: CsvCell[][]): void => writeFileSync(`${OUT}${name}`, toCsv(columns, rows));

const sim = simulatePreset('b2b', B2B_SEED);
const long = sim.long;
if (long === undefined) throw new Error('the b2b preset has no long table');

// Ad platforms: weekly channel spend → campaigns → days, in cents.
const ads: CsvCell[][] = [];
for (const ch of sim.table.channels) {
  const spec = CAMPAIGNS[ch.name];
  const campaignWeights = spec.campaigns.map(() => 0.5 + rng.next());
  sim.table.dates.forEach((week, t) => {
    const byCampaign = splitCents(cents(ch.spend[t]), campaignWeights.map((w) => w * (0.8 + 0.4 * rng.next())));
    byCampaign.forEach((c, k) => {
      if (c === 0) return;
      splitCents(c, DAY_WEIGHTS.map((w) => w * (0.85 + 0.3 * rng.next()))).forEach((d, day) => {
        if (d === 0) return;
        const impressions = Math.round((d / 100 / spec.cpm) * 1000);
        ads.push([addDays(week, day), spec.platform, spec.campaigns[k], money(d), impressions, Math.round(impressions * spec.ctr)]);
      });
    });
  });
}
ads.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[2]).localeCompare(String(b[2])));
write('ads_daily.csv', ['date', 'platform', 'campaign', 'spend', 'impressions', 'clicks'], ads);
write('ref_campaigns.csv', ['platform', 'campaign', 'channel'],
  Object.entries(CAMPAIGNS).flatMap(([channel, s]) => s.campaigns.map((c) => [s.platform, c, channel])));

// CRM: each week × region × product-line pipeline split into 1–3 opportunities created on weekdays.
const col = (name: string): number => long.columns.indexOf(name);
const allCampaigns = Object.values(CAMPAIGNS).flatMap((s) => s.campaigns);
const opps: CsvCell[][] = [];
const invoices: CsvCell[][] = [];
for (const row of long.rows) {
  const [week, region, line] = [String(row[col('date')]), String(row[col('geo')]), String(row[col('product')])];
  const pipeline = cents(row[col('pipeline')] as number);
  const n = pipeline > 40_000_000 ? 3 : pipeline > 0 ? 2 : 0;
  if (n > 0) {
    splitCents(pipeline, Array.from({ length: n }, () => 0.3 + rng.next())).forEach((amount) => {
      const created = addDays(week, Math.floor(rng.next() * 5));
      const u = rng.next();
      const stage = u < 0.25 ? 'Closed Won' : u < 0.75 ? 'Closed Lost' : pick(['Qualification', 'Proposal', 'Negotiation']);
      const close = stage.startsWith('Closed') ? addDays(created, 20 + Math.floor(rng.next() * 150)) : null;
      const source = rng.next() < 0.7 ? pick(allCampaigns) : null;
      opps.push([`OPP-${String(opps.length + 1).padStart(6, '0')}`, created, money(amount), stage, close, source, pick(COUNTRIES[region]), line]);
    });
  }
  // ERP: the week's booked revenue of the region × line, invoiced to 1–2 countries / SKUs.
  const revenue = cents(row[col('revenue')] as number);
  if (revenue > 0) {
    const k = revenue > 5_000_000 ? 2 : 1;
    splitCents(revenue, Array.from({ length: k }, () => 0.3 + rng.next())).forEach((amount) => {
      invoices.push([`INV-${String(invoices.length + 1).padStart(6, '0')}`, addDays(week, Math.floor(rng.next() * 5)), money(amount),
        pick(COUNTRIES[region]), pick(PRODUCTS[line]), rng.next() < 0.3 ? 'Y' : 'N']);
    });
  }
}
write('crm_opportunities.csv', ['opportunity_id', 'created_date', 'amount', 'stage', 'close_date', 'source_campaign', 'country', 'product_line'], opps);
write('erp_bookings.csv', ['invoice_id', 'invoice_date', 'amount', 'country', 'product', 'distributor'], invoices);
write('ref_countries.csv', ['country', 'region'], Object.entries(COUNTRIES).flatMap(([region, cs]) => cs.map((c) => [c, region])));
write('ref_products.csv', ['product', 'category'], Object.entries(PRODUCTS).flatMap(([category, ps]) => ps.map((p) => [p, category])));
console.log(`wrote ${ads.length} ad rows, ${opps.length} opportunities, ${invoices.length} invoices to ${OUT}`);
