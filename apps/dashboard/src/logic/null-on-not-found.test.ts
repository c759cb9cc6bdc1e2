import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nullOnNotFound } from './null-on-not-found.ts';

/** An error shaped like the API's ApiRequestError. */
function apiError(status: number): Error & { status: number } {
  return Object.assign(new Error(`${status}`), { status });
}

test('nullOnNotFound: the value, null on 404, and every other error rethrown', async () => {
  assert.equal(await nullOnNotFound(Promise.resolve(7)), 7);
  assert.equal(await nullOnNotFound(Promise.reject(apiError(404))), null);
  await assert.rejects(nullOnNotFound(Promise.reject(apiError(500))), { message: '500' });
  await assert.rejects(nullOnNotFound(Promise.reject(apiError(0))), { message: '0' }); // network
  await assert.rejects(nullOnNotFound(Promise.reject(new SyntaxError('bad JSON'))), SyntaxError);
});
