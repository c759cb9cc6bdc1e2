// Test helper (child process of out-dir-lock-stress.test.ts): loops on withOutDirLock(dir, 'optimize')
// for a while and reports, as JSON on stdout, how often it held the lock, how often it was refused
// and how often it found another holder inside (the shared `holder` file not empty on entry or
// changed on exit).
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataError } from '@mixwise/data';
import { withOutDirLock } from '../src/commands/out-dir-lock.ts';

const [dir, holderFile, msText] = process.argv.slice(2);
const until = Date.now() + Number(msText);
let held = 0;
let refused = 0;
let overlaps = 0;
const refusals: string[] = [];
while (Date.now() < until) {
  try {
    await withOutDirLock(dir, 'stress', 'optimize', async () => {
      if (readFileSync(holderFile, 'utf8') !== '') overlaps++;
      writeFileSync(holderFile, String(process.pid));
      await sleep(Math.random() < 0.5 ? 0 : 2);
      if (readFileSync(holderFile, 'utf8') !== String(process.pid)) overlaps++;
      writeFileSync(holderFile, '');
      held++;
    });
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    refused++;
    if (refusals.length < 3) refusals.push(err.issues[0].message);
  }
}
process.stdout.write(JSON.stringify({ held, refused, overlaps, refusals }));
