import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scaledPosteriorNote } from './posterior-note.ts';

test('the fit notes a posterior shortened with a small search, and only then', () => {
  const spec = (iterations: number, posterior: number) => ({ search: { iterations, posterior } as never });
  assert.match(scaledPosteriorNote(spec(500, 2000), undefined) ?? '', /ran 2,000 Metropolis iterations instead of 20,000: scaled with the search's 500 iterations .*--posterior-iterations N/);
  assert.equal(scaledPosteriorNote(spec(20000, 20000), undefined), null, 'the default fit says nothing');
  assert.equal(scaledPosteriorNote(spec(500, 1000), 1000), null, 'a length given with --posterior-iterations');
  assert.equal(scaledPosteriorNote(spec(500, 3000), undefined, { search: { posterior: 3000 } as never }), null, 'a length from the config');
});
