import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mixedLineEndings } from './line-endings.ts';
import { isoWeekMonday } from '../datamart/iso-week.ts';

test('mixedLineEndings: the first line whose ending differs from line 1\'s; one style, or a newline inside quotes, is fine', () => {
  assert.equal(mixedLineEndings('a,b\r\n1,2\r\n3,4\n', 'k.csv')?.at.row, 3);
  assert.match(mixedLineEndings('a,b\r\n1,2\r\n3,4\n', 'k.csv')?.message ?? '', /this line ends with LF while the lines before it end with CRLF/);
  assert.equal(mixedLineEndings('a,b\n1,2\r\n', 'k.csv')?.at.row, 2);
  assert.equal(mixedLineEndings('a,b\r\n1,2\r\n3,4', 'k.csv'), undefined);
  assert.equal(mixedLineEndings('a,b\r\n1,"x\ny"\r\n', 'k.csv'), undefined);
});

test('isoWeekMonday: ISO 8601 weeks (week 1 holds the year\'s first Thursday)', () => {
  assert.equal(isoWeekMonday('2021-W01'), '2021-01-04');
  assert.equal(isoWeekMonday('2026W01'), '2025-12-29');
  assert.equal(isoWeekMonday('2020-W53-1'), '2020-12-28');
});
