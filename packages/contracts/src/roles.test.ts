import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RolesSchema, RoleMappingResponseSchema } from './roles.ts';

test('roles: a valid mapping parses and fills empty controls, events and organic media', () => {
  const r = RolesSchema.parse({ date: 'date', target: 'revenue', channels: ['tv_spend', 'search_spend'] });
  assert.deepEqual(r, { date: 'date', target: 'revenue', channels: ['tv_spend', 'search_spend'], controls: [], events: [], organic: [] });
});

test('roles: organic media columns are kept, and one that is also a control is rejected at its path', () => {
  assert.deepEqual(RolesSchema.parse({ date: 'date', target: 'revenue', channels: ['tv_spend'], organic: ['newsletter'] }).organic, ['newsletter']);
  const twice = RolesSchema.safeParse({ date: 'date', target: 'revenue', channels: ['tv_spend'], controls: ['newsletter'], organic: ['newsletter'] });
  assert.deepEqual(twice.error?.issues.map((i) => [i.path, i.message]), [[['organic', 0], 'column "newsletter" is already the control']]);
});

test('roles: no channel, or a column with two roles, is rejected at the offending path', () => {
  const none = RolesSchema.safeParse({ date: 'date', target: 'revenue', channels: [] });
  assert.equal(none.success, false);
  assert.deepEqual(none.error?.issues.map((i) => i.path), [['channels']]);
  const twice = RolesSchema.safeParse({ date: 'date', target: 'revenue', channels: ['tv_spend'], controls: ['price', 'tv_spend'] });
  assert.equal(twice.success, false);
  assert.deepEqual(twice.error?.issues.map((i) => [i.path, i.message]), [[['controls', 1], 'column "tv_spend" is already the channel']]);
});

test('role mapping response: table may be null, issues keep their location', () => {
  const ok = RoleMappingResponseSchema.safeParse({
    ok: false, table: null,
    issues: [{ code: 'MISSING_COLUMN', severity: 'error', message: 'x', hint: 'y', at: { column: 'sales', row: 3 } }],
  });
  assert.equal(ok.success, true);
  const bad = RoleMappingResponseSchema.safeParse({ ok: true, table: null, issues: [{ code: 'X', severity: 'fatal', message: '', hint: '', at: {} }] });
  assert.deepEqual(bad.error?.issues.map((i) => i.path), [['issues', 0, 'severity']]);
});
