import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiErrorSchema } from './api-error.ts';
import { UploadSchema } from './upload.ts';

test('api error: code from the list, issues optional', () => {
  assert.equal(ApiErrorSchema.safeParse({ error: { code: 'NOT_FOUND', message: 'no run x' } }).success, true);
  const bad = ApiErrorSchema.safeParse({ error: { code: 'TEAPOT', message: 1 } });
  assert.deepEqual(bad.error?.issues.map((i) => i.path.join('.')).sort(), ['error.code', 'error.message']);
});

test('upload: columns carry a suggested role from the fixed list', () => {
  const upload = {
    uploadId: '0123456789abcdef', fileName: 'd.csv', format: 'csv', bytes: 10, rows: 2, frequency: 'weekly', firstDate: '2024-01-01', lastDate: '2024-01-08',
    columns: [{ name: 'date', numeric: false, suggestedRole: 'date' }, { name: 'tv_spend', numeric: true, suggestedRole: 'channel' }],
    preview: [['2024-01-01', '5']], issues: [], createdAt: '2024-01-01T00:00:00.000Z',
  };
  assert.equal(UploadSchema.safeParse(upload).success, true);
  const bad = UploadSchema.safeParse({ ...upload, columns: [{ name: 'x', numeric: true, suggestedRole: 'kpi' }] });
  assert.deepEqual(bad.error?.issues.map((i) => i.path.join('.')), ['columns.0.suggestedRole']);
});
