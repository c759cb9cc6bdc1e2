import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blendedNote, mediaRoiNote } from './roi-basis.ts';

test('the blended return and the simulator\'s Media ROI each say what they are and name the other', () => {
  assert.equal(blendedNote('Blended ROAS', 'week'),
    'historical: attributed over the modelling window ÷ its spend. The simulator\'s Media ROI is the steady-state return of current weekly spend on the response curves, so it differs.');
  assert.match(blendedNote('Blended CPA', 'day'), /^historical: spend over the modelling window ÷ the KPI media drove in it\. .* current daily spend/);
  assert.equal(mediaRoiNote('revenue', 'week', 'Blended ROAS'),
    'steady state: media revenue per unit of this weekly spend held level, on the response curves; the executive Blended ROAS is historical (over the modelling window), so it differs.');
  assert.match(mediaRoiNote('orders', 'month', 'Blended CPA'), /monthly spend .* executive Blended CPA is historical/);
});

test('for a count KPI the blended note names the simulator\'s card as it is labelled: Media KPI per spend', () => {
  assert.match(blendedNote('Blended CPA', 'week', 'KPI per spend'), /The simulator's Media KPI per spend is the steady-state return/);
  assert.doesNotMatch(blendedNote('Blended CPA', 'week', 'KPI per spend'), /ROI/);
});
