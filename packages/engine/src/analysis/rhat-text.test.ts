import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RHAT_LIMIT, rhatText } from './rhat-text.ts';
import { posteriorWarnings } from './summarize.ts';
import { posteriorDiagnostics } from './posterior-text.ts';

test('rhatText: 3 decimals away from the limit, more where 3 would read as the limit or land on its other side', () => {
  assert.equal(RHAT_LIMIT, 1.01);
  assert.equal(rhatText(1.0042), '1.004');
  assert.equal(rhatText(1.03), '1.030');
  assert.equal(rhatText(1.01), '1.010');
  // 1.0104 fails (≥ 1.01): '1.010' would read as the limit itself.
  assert.equal(rhatText(1.0104), '1.0104');
  // 1.0096 passes (< 1.01): '1.010' would read as failing.
  assert.equal(rhatText(1.0096), '1.0096');
  assert.equal(rhatText(1.00996), '1.00996');
  assert.equal(rhatText(Number.POSITIVE_INFINITY), 'not finite');
  assert.equal(rhatText(Number.NaN), 'not finite');
});

test('rhatText: for any R-hat near the limit, the figure shown is on the same side of it as the R-hat', () => {
  for (let i = 0; i <= 400; i++) {
    // Offsets of 3e-6 from the grid: within 1e-6 of the limit, 6 decimals (the most shown) still read as 1.010000.
    const r = 1.008 + i * 1e-5 + 3e-6;
    const shown = Number(rhatText(r));
    assert.equal(shown >= RHAT_LIMIT, r >= RHAT_LIMIT, `${r} shown as ${rhatText(r)}`);
    assert.ok(shown !== RHAT_LIMIT, `${r} shown as the limit`);
  }
});

test('a max R-hat of 1.0104 reads the same in the checks and the warning: 1.0104 ≥ 1.01, never "1.010" beside "not converged"', () => {
  const p = { sampler: 'nuts' as const, chains: 4, draws: 500, divergences: 0, max_rhat: 1.0104, min_ess: 812, converged: false };
  assert.equal(posteriorDiagnostics(p).checks.find((c) => c.key === 'max_rhat')?.text, '1.0104');
  assert.match(posteriorWarnings(p)[0].message, /^not converged: max R-hat 1\.0104 ≥ 1\.01 \(the chains disagree\)\./);
});
