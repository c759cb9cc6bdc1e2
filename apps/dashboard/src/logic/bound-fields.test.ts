import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_INPUT, readControls } from './bound-fields.ts';
import { buildConstraints } from './constraints.ts';

test('readControls reads usable fields into controls', () => {
  const r = readControls([DEFAULT_INPUT, { minText: '0', maxText: ' 3 ', locked: true }]);
  assert.deepEqual(r.controls, [{ min: 0.5, max: 2, locked: false }, { min: 0, max: 3, locked: true }]);
  assert.deepEqual(r.problems, [null, null]);
});

test('readControls says what is wrong instead of throwing, and gives no controls until all are usable', () => {
  const cases: [string, string, RegExp][] = [
    ['3', '2', /^Min × 3 is above Max × 2/],
    ['-1', '2', /^Min × must be a number ≥ 0/],
    ['0.5', '', /^Enter a Max ×/],
    ['', '2', /^Enter a Min ×/],
    ['0.5', 'abc', /^Max × must be a number ≥ 0/],
  ];
  for (const [minText, maxText, problem] of cases) {
    const r = readControls([DEFAULT_INPUT, { minText, maxText, locked: false }]);
    assert.equal(r.controls, null, `${minText}–${maxText}: no controls`);
    assert.equal(r.problems[0], null, 'the usable channel has no problem');
    assert.match(r.problems[1] ?? '', problem, `${minText}–${maxText}`);
  }
  // An empty field is not read as 0: '' for Max × is a problem, not "min 0.5 above max 0".
  assert.doesNotMatch(readControls([{ minText: '0.5', maxText: '', locked: false }]).problems[0] ?? '', /above/);
});

test('every control readControls lets through is one buildConstraints accepts', () => {
  const texts = ['', '-1', '0', '0.5', '1', '2', '3', 'x', '1e400'];
  for (const minText of texts) {
    for (const maxText of texts) {
      const r = readControls([{ minText, maxText, locked: false }]);
      if (r.controls) assert.doesNotThrow(() => buildConstraints(['tv'], r.controls!), `${minText}–${maxText}`);
      else assert.notEqual(r.problems[0], null, `${minText}–${maxText} refused with a reason`);
    }
  }
});
