// Lets this Node thread run the repository's TypeScript sources with no build step: tsx loads .ts files,
// and the "mixwise-source" condition makes @mixwise/engine resolve to src/ rather than dist/ (the
// engine's package.json "exports"). Imported first by the CLI launcher, the worker bootstraps and
// scripts; worker threads do not inherit loaders, so each worker imports it too. The hook is added
// after tsx's so it runs first and tsx sees the condition.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register('./source-condition-hooks.mjs', import.meta.url);
