// End-to-end: a stdout that the reader closes early (`mixwise optimize --help | head -1`) must not
// crash the CLI with an unhandled EPIPE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { ignoreBrokenPipe } from './broken-pipe.ts';

const BIN = fileURLToPath(new URL('../bin/mixwise.js', import.meta.url));

test('stdout closed by the reader before the help is written → exit 0, no stack trace', async () => {
  const child = spawn(process.execPath, [BIN, 'optimize', '--help'], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', MIXWISE_DEBUG: '' },
  });
  // Close our end of the pipe at once: the CLI takes far longer to start than this, so its first
  // write meets a closed pipe, as under `| head -1` when head has already exited.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  assert.doesNotMatch(stderr, /EPIPE|Unhandled 'error'/, stderr);
  assert.equal(stderr, '');
  assert.equal(status, 0);
});

test('ignoreBrokenPipe swallows EPIPE but rethrows any other stream error', () => {
  const stream = new EventEmitter();
  ignoreBrokenPipe(stream);
  assert.doesNotThrow(() => stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })));
  assert.throws(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' })), /disk full/);
});
