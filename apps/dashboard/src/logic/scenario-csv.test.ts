import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, scenarioCsv } from './scenario-csv.ts';
import type { WhatIfResult } from './what-if.ts';

test('csvField quotes only when needed', () => {
  assert.equal(csvField('tv'), 'tv');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField(null), '');
  assert.equal(csvField(Number.NaN), '');
  assert.equal(csvField(1.5), '1.5');
});

test('scenarioCsv writes one row per channel and a total', () => {
  const r: WhatIfResult = {
    channels: [
      { channel: 'tv', spend: 12, response: 30, roi: 2.5, mroi: 0.5, beyondData: null, sparse: null },
      { channel: 'search, paid', spend: 0, response: 0, roi: null, mroi: 4, beyondData: null, sparse: null },
    ],
    totalSpend: 12, media: 30, kpi: 130, roi: 2.5,
  };
  const csv = scenarioCsv('my plan', [10, 2], r);
  assert.equal(csv,
    'scenario,channel,current_spend,scenario_spend,change,predicted_kpi,roi,mroi\r\n' +
    'my plan,tv,10,12,2,30,2.5,0.5\r\n' +
    'my plan,"search, paid",2,0,-2,0,,4\r\n' +
    'my plan,TOTAL,12,12,0,130,2.5,\r\n');
});
