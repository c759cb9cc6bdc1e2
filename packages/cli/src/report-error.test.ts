import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommanderError } from 'commander';
import { DataError, ExportWriteError } from '@mixwise/data';
import { EngineError } from '@mixwise/engine';
import { reportError } from './report-error.ts';
import { addErrorNote } from './error-notes.ts';
import { UsageError } from './usage-error.ts';
import { captureIo } from '../test/capture-io.ts';

test('DataError → issues on stderr, 1', () => {
  const cap = captureIo('/');
  const err = new DataError([{ code: 'NOT_A_NUMBER', severity: 'error', message: 'value "x" is not a number', hint: 'h', at: { file: 'd.csv', row: 4, column: 'tv_spend' } }]);
  assert.equal(reportError(err, cap.io), 1);
  assert.match(cap.stderr(), /d\.csv:4 column "tv_spend": value "x" is not a number/);
});

test('UsageError → 2 with a pointer to the command help; commander errors → 2, help → 0', () => {
  const cap = captureIo('/');
  assert.equal(reportError(new UsageError('bad flag', 'fit'), cap.io), 2);
  assert.match(cap.stderr(), /error: bad flag\n\(run "mixwise fit --help" for usage\)/);
  assert.equal(reportError(new CommanderError(1, 'commander.unknownCommand', 'x'), cap.io), 2);
  assert.equal(reportError(new CommanderError(0, 'commander.helpDisplayed', 'x'), cap.io), 0);
});

test('EngineError and file-system errors → 1', () => {
  const cap = captureIo('/');
  assert.equal(reportError(new EngineError('TOO_FEW_PERIODS', 'need more periods'), cap.io), 1);
  assert.match(cap.stderr(), /error: need more periods \(TOO_FEW_PERIODS\)/);
  const fsErr = Object.assign(new Error("EACCES: permission denied, open '/x/model.json'"), { code: 'EACCES' });
  assert.equal(reportError(fsErr, cap.io), 1);
});

test('an export that cannot be written (ExportWriteError with a file-system cause) → 1, its message naming the target', () => {
  const cap = captureIo('/');
  const cause = Object.assign(new Error('ENOTEMPTY: directory not empty'), { code: 'ENOTEMPTY' });
  assert.equal(reportError(new ExportWriteError('cannot write the exports /r/results.sqlite …: ENOTEMPTY; the previous export, if any, is unchanged', cause), cap.io), 1);
  assert.match(cap.stderr(), /error: cannot write the exports \/r\/results\.sqlite .*the previous export, if any, is unchanged/);
});

test('anything else → 3, one line plus a bug hint; stack only with MIXWISE_DEBUG=1', () => {
  const quiet = captureIo('/');
  assert.equal(reportError(new TypeError('x is undefined\nsecond line'), quiet.io), 3);
  assert.equal(quiet.stderr(), 'mixwise: internal error: x is undefined\nthis is a bug in mixwise: please report it with the command you ran (set MIXWISE_DEBUG=1 to see the stack trace)\n');
  const debug = captureIo('/', { MIXWISE_DEBUG: '1' });
  assert.equal(reportError(new TypeError('boom'), debug.io), 3);
  assert.match(debug.stderr(), /TypeError: boom\n\s+at /);
});

test('notes attached to an error follow it, each once', () => {
  const { io, stderr } = captureIo('/tmp');
  const err = new EngineError('TOO_FEW_PERIODS', 'too few periods');
  addErrorNote(err, 'the previous results in out were left unchanged');
  addErrorNote(err, 'the previous results in out were left unchanged');
  assert.equal(reportError(err, io), 1);
  assert.equal(stderr(), 'error: too few periods (TOO_FEW_PERIODS)\nnote: the previous results in out were left unchanged\n');
});
