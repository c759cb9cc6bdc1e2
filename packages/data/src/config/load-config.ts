import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { DataError } from '../issue.ts';
import type { ConfigIssue } from './config-issues.ts';
import { configIssues } from './config-issues.ts';
import type { MixwiseConfig } from './config-schema.ts';
import { configSchema } from './config-schema.ts';
import { yamlLine } from './yaml-line.ts';

/** A validated config with where it came from, so later checks can point at its lines. */
export interface LoadedConfig {
  readonly config: MixwiseConfig;
  /** The config file name as shown to the user. */
  readonly file: string;
  /** The folder relative paths in the config start from (absolute). */
  readonly dir: string;
  /** The data file: `data.path` resolved against `dir` ('' when the config gives `sources` instead). */
  readonly dataPath: string;
  /** The YAML line of a key path (of its nearest enclosing key when absent). */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Reads, parses and validates a mixwise.yaml file (see configSchema and docs/config.md).
 * @param path the config file (absolute, or relative to the process's folder)
 * @param options name: the file name shown in issues (default: the path as given)
 * @returns the typed config; `dataPath` is `data.path` resolved against the config's folder
 * @throws DataError with FILE_NOT_FOUND / FILE_UNREADABLE, CONFIG_SYNTAX (YAML errors, with their
 *   lines) or CONFIG_INVALID issues (every schema violation, each with its line and key)
 * @example loadConfig('mixwise.yaml').config.columns.target // 'revenue'
 */
export function loadConfig(path: string, options: { name?: string } = {}): LoadedConfig {
  const name = options.name ?? path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT';
    throw new DataError([{
      code: missing ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', severity: 'error',
      message: missing ? `config file not found: ${name}` : `cannot read the config file ${name}: ${code === 'EISDIR' ? 'it is a folder' : String(code ?? err)}`,
      hint: missing ? 'check the path, or write one with "mixwise init DATA"' : 'give the path of a readable mixwise.yaml file',
      at: { file: name },
    }]);
  }
  return parseConfigText(text, name, dirname(resolve(path)));
}

/**
 * Parses and validates config text already in memory (the same rules as loadConfig).
 * @param text YAML text (a leading BOM is ignored)
 * @param file name used in issues
 * @param dir absolute folder that a relative `data.path` starts from
 * @throws DataError with CONFIG_SYNTAX or CONFIG_INVALID issues
 * @example parseConfigText('version: 1\ndata: { path: d.csv }\ncolumns: { target: y }\n', 'm.yaml', '/p').dataPath // '/p/d.csv'
 */
export function parseConfigText(text: string, file: string, dir: string): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter });
  if (doc.errors.length > 0) {
    throw new DataError(doc.errors.map((e): ConfigIssue => ({
      code: 'CONFIG_SYNTAX', severity: 'error', message: `not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      hint: 'check the indentation (spaces, not tabs) and that every "key: value" pair and list is closed',
      at: { file, row: e.linePos?.[0].line ?? 1 }, key: '',
    })));
  }
  const parsed = configSchema.safeParse(doc.toJS() ?? undefined);
  if (!parsed.success) {
    if (doc.contents === null) {
      throw new DataError([{ code: 'CONFIG_INVALID', severity: 'error', message: 'the config file is empty',
        hint: 'write one with "mixwise init DATA", or see docs/config.md', at: { file, row: 1 } }]);
    }
    throw new DataError(configIssues(parsed.error, doc, lineCounter, file));
  }
  const config = parsed.data;
  return {
    config,
    file,
    dir,
    dataPath: config.data === undefined ? '' : isAbsolute(config.data.path) ? config.data.path : resolve(dir, config.data.path),
    lineOf: (path) => yamlLine(doc, lineCounter, path).line,
  };
}
