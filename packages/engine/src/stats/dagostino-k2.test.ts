import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dagostinoK2 } from './dagostino-k2.ts';
import { AR200, LOGNORM25, NORMAL200, SKEWED60, SMALL, close } from '../../test/reference-data.ts';

test('dagostinoK2 matches scipy.stats.normaltest, skewtest and kurtosistest', () => {
  // scipy.stats.normaltest(x) → (statistic, pvalue); skewtest(x).statistic; kurtosistest(x).statistic
  const ref: [string, number[], number, number, number, number][] = [
    ['SMALL', SMALL, 5.620529233929851, 0.06018906323766855, 1.9192083295165463, 1.3918220510698047],
    ['NORMAL200', NORMAL200, 0.8438826348807352, 0.6557725206743905, -0.4454129358315822, -0.803423892770576],
    ['SKEWED60', SKEWED60, 9.753316486264524, 0.0076224438678849735, 3.032857127272053, 0.7450463957497105],
    ['LOGNORM25', LOGNORM25, 10.851787460155114, 0.004401130980442878, 2.5900677443144255, 2.0355187397852905],
    ['AR200', AR200, 3.289165094329659, 0.19309315325551152, 1.7324241331165373, 0.5365367809620075],
  ];
  for (const [name, x, k2, p, zs, zk] of ref) {
    const r = dagostinoK2(x);
    close(r.statistic, k2, 1e-9, `${name} K²`);
    close(r.pValue, p, 1e-9, `${name} p`);
    close(r.skewnessZ, zs, 1e-9, `${name} Zs`);
    close(r.kurtosisZ, zk, 1e-9, `${name} Zk`);
  }
});

test('dagostinoK2 doc example and invalid input', () => {
  // scipy.stats.normaltest([1, 2, 3, 4, 5, 6, 7, 30])
  const r = dagostinoK2([1, 2, 3, 4, 5, 6, 7, 30]);
  close(r.statistic, 19.541329909795735, 1e-9, 'K²');
  close(r.pValue, 5.710236892283234e-5, 1e-9, 'p');
  assert.throws(() => dagostinoK2([1, 2, 3, 4, 5, 6, 7]), /at least 8/);
  assert.throws(() => dagostinoK2(new Array(10).fill(3)), /constant/);
});
