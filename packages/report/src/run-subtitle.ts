import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The parts of run.json (written by the server for the runs it fits, @mixwise/contracts RunManifest) read here. */
interface ManifestView {
  readonly name?: unknown;
  readonly createdAt?: unknown;
  readonly finishedAt?: unknown;
  readonly source?: { readonly type?: unknown; readonly fileName?: unknown };
}

/** The file a demo or `mixwise simulate` writes its data to, inside the run folder. */
const FOLDER_DATA_FILE = 'data.csv';

/**
 * The line under a report's title that says which run it shows: its name, the day it was fitted and
 * its data file, e.g. 'demo · fitted 2025-06-02 · data file data.csv'. Never a local path: a report is
 * shared, and a folder like /home/ann/tmp/ru-demo says nothing to its reader and leaks the machine's layout.
 * Name: run.json `name` (a run the server fitted), else the folder's own name. Day: run.json
 * `finishedAt` (else `createdAt`), else model.json's modification time, in UTC. Data file: the upload's
 * file name in run.json, else the file model.json records (`source.file`, written by `mixwise fit`),
 * else data.csv when the folder holds one (models written before `source` existed).
 * @param dir the run folder
 * @returns the subtitle
 * @example runSubtitle('/tmp/ru-demo') // 'ru-demo · fitted 2025-06-02 · data file data.csv'
 */
export function runSubtitle(dir: string): string {
  const manifest = readManifest(join(dir, 'run.json'));
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const name = text(manifest?.name) ?? basename(dir);
  const stamp = text(manifest?.finishedAt) ?? text(manifest?.createdAt);
  const model = join(dir, 'model.json');
  const day = stamp !== undefined && !Number.isNaN(Date.parse(stamp))
    ? new Date(stamp).toISOString().slice(0, 10)
    : existsSync(model) ? statSync(model).mtime.toISOString().slice(0, 10) : undefined;
  const upload = manifest?.source?.type === 'upload' ? text(manifest.source.fileName) : undefined;
  const recorded = upload ?? text(readModelSource(model)?.file);
  // Only the file's name: an upload's name is what the user picked, never a path on this machine.
  const data = recorded !== undefined ? basename(recorded.replace(/\\/g, '/')) : existsSync(join(dir, FOLDER_DATA_FILE)) ? FOLDER_DATA_FILE : undefined;
  return [name, day !== undefined ? `fitted ${day}` : '', data !== undefined ? `data file ${data}` : ''].filter((s) => s !== '').join(' · ');
}

/** A JSON file as an object, or undefined when missing or not a JSON object. */
function readObject(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const v: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** run.json as far as it is read here. */
const readManifest = (file: string): ManifestView | undefined => readObject(file) as ManifestView | undefined;

/** model.json's `source` (MmmModel.source), when it has one. */
function readModelSource(file: string): { readonly file?: unknown } | undefined {
  const source = readObject(file)?.source;
  return typeof source === 'object' && source !== null ? (source as { file?: unknown }) : undefined;
}
