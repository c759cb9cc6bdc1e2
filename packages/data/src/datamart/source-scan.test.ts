import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOutcome } from '../validate/read-outcome.ts';
import { readSourceOutcome, sourceScan, type SourceScanColumns } from './source-scan.ts';

const COLUMNS = (): SourceScanColumns => ({ date: 'date', numbers: ['spend'], keys: ['channel'], groupBy: 'channel', distinct: ['geo'] });

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mixwise-scan-')), 'spend.csv');
  writeFileSync(path, text);
  return path;
}

function day(t: number): string {
  return new Date(Date.UTC(2024, 0, 1 + t)).toISOString().slice(0, 10);
}

test('a clean file keeps only representatives: the first rows, each date\'s first row and the first number of each kind', () => {
  const lines = ['date,channel,geo,spend'];
  for (let t = 0; t < 400; t++) for (const ch of ['tv', 'search']) lines.push(`${day(t % 50)},${ch},"geo ${t % 3}",${t % 7 === 0 ? 1500 : 12.5 + t}`);
  const scanned = sourceScan(file(lines.join('\n') + '\n'), 'spend.csv', COLUMNS);
  assert.ok(scanned.csv !== undefined);
  assert.ok(scanned.csv.rows.length < 80, `kept ${scanned.csv.rows.length}`);
  assert.equal(scanned.csv.rows.length + (scanned.csv.omittedRows ?? 0), 800);
  assert.deepEqual(scanned.csv.duplicateCandidateLines, []);
  const whole = readOutcome(file(lines.join('\n') + '\n')).csv;
  // Every kept row is the file's row at that line, cells as the reader reads them.
  scanned.csv.rows.forEach((r, i) => assert.deepEqual(r, whole?.rows[scanned.csv!.rowNumbers[i] - 2]));
});

test('suspect rows keep their file lines past blank lines and quoted line breaks; copies are duplicate candidates', () => {
  const text = 'date,channel,geo,spend\n2024-01-01,tv,a,1\n\n2024-01-02,"t\nv",a,2\n2024-01-03,tv,a,$3\n2024-01-01,tv,a,1\n';
  const scanned = sourceScan(file(text), 'spend.csv', COLUMNS);
  const whole = readOutcome(file(text)).csv;
  assert.ok(scanned.csv !== undefined && whole !== undefined);
  assert.deepEqual(scanned.csv.rowNumbers, whole.rowNumbers);
  assert.deepEqual(scanned.csv.rows, whole.rows);
  assert.deepEqual(scanned.csv.duplicateCandidateLines, [2, 7]);
});

test('readSourceOutcome reads a file at most largeFileBytes long whole, a longer one by the scan', () => {
  const path = file('date,channel,geo,spend\n2024-01-01,tv,a,1\n');
  assert.equal(readSourceOutcome(path, { name: 'spend.csv' }).csv?.omittedRows, undefined);
  assert.equal(readSourceOutcome(path, { name: 'spend.csv', largeFileBytes: 10, columns: COLUMNS }).csv?.omittedRows, 0);
  assert.equal(readSourceOutcome('/no/such/file.csv', { name: 'x.csv', largeFileBytes: 0 }).issues[0].code, 'FILE_NOT_FOUND');
});

test('a geo written with spaces around it is in paddedCells with the lines and count the whole-file reader gives, past the leading rows and after its plain spelling', () => {
  const lines = ['date,channel,geo,spend'];
  // "north" plain on the first rows, then "north " (padded) on every 10th row from row 100 on, and " south" once.
  for (let t = 0; t < 300; t++) lines.push(`${day(t % 50)},tv,${t >= 100 && t % 10 === 0 ? 'north ' : t === 251 ? ' south' : t % 2 === 0 ? 'north' : 'south'},${12.5 + t}`);
  const text = lines.join('\n') + '\n';
  const scanned = sourceScan(file(text), 'spend.csv', COLUMNS).csv;
  const whole = readOutcome(file(text)).csv;
  assert.ok(scanned !== undefined && whole !== undefined);
  assert.ok((scanned.omittedRows ?? 0) > 200, 'the plain rows are left out');
  assert.deepEqual(scanned.paddedCells?.get('geo'), whole.paddedCells?.get('geo'));
  assert.deepEqual(scanned.paddedCells?.get('geo'), [{ written: 'north ', used: 'north', lines: [102, 112, 122, 132, 142], rows: 20 }, { written: ' south', used: 'south', lines: [253], rows: 1 }]);
});
