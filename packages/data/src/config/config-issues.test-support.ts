// Shared by the config tests: the issues a config text is refused with.
import assert from 'node:assert/strict';
import { DataError } from '../issue.ts';
import type { ConfigIssue } from './config-issues.ts';
import { parseConfigText } from './load-config.ts';

/** The issues parseConfigText refuses `text` with (as mixwise.yaml in /project); fails the test when it is accepted. */
export function issuesOf(text: string): ConfigIssue[] {
  try {
    parseConfigText(text, 'mixwise.yaml', '/project');
  } catch (err) {
    assert.ok(err instanceof DataError);
    return err.issues as ConfigIssue[];
  }
  assert.fail('expected the config to be rejected');
}
