import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { writeJsonAtomic } from '@mixwise/data';
import { RUN_ID_PATTERN, RunManifestSchema, TERMINAL_RUN_STATUSES, type RunEvent, type RunManifest } from '@mixwise/contracts';

/** The manifest file in every run folder the server creates. */
export const RUN_MANIFEST_FILE = 'run.json';

/** A fit's staging folder inside its run folder (what FitJobs writes before moving the files in). */
export const STAGING_DIR = '.staging';

/** Manifest fields a job may change. */
export type RunPatch = Partial<Pick<RunManifest, 'status' | 'startedAt' | 'finishedAt' | 'progress' | 'error'>>;

/**
 * Turns a folder name into a run id (RUN_ID_PATTERN): lower case, runs of other characters → '-'.
 * @example runIdFromName('Demo Run (2)') // 'demo-run-2'
 */
export function runIdFromName(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|-+$/g, '').slice(0, 64);
  return slug === '' ? 'run' : slug;
}

/**
 * Every run the server knows: the runs it created under `runsDir` (each `<runsDir>/<id>/run.json`) and
 * run folders registered from elsewhere (`--model DIR`, kept in memory only, never written to). Status
 * changes are written to run.json atomically; progress is kept in memory and sent to subscribers.
 */
export class RunRegistry {
  readonly runsDir: string;
  private readonly runs = new Map<string, { manifest: RunManifest; folder: string; persist: boolean; writes: Promise<void> }>();
  private readonly events = new EventEmitter();

  constructor(runsDir: string) {
    this.runsDir = resolve(runsDir);
    this.events.setMaxListeners(0);
  }

  /**
   * Loads the runs already under runsDir: folders with a run.json (a run left queued or running by a
   * stopped server becomes failed), and folders with only a model.json (registered as folder runs).
   * No fit runs yet, so a run's staging folder is what a killed server left: it is removed.
   */
  async load(): Promise<void> {
    if (!existsSync(this.runsDir)) return;
    for (const entry of await readdir(this.runsDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !RUN_ID_PATTERN.test(entry.name)) continue;
      const folder = join(this.runsDir, entry.name);
      const manifestPath = join(folder, RUN_MANIFEST_FILE);
      if (existsSync(manifestPath)) {
        const parsed = RunManifestSchema.safeParse(JSON.parse(await readFile(manifestPath, 'utf8').catch(() => 'null')));
        if (!parsed.success || parsed.data.id !== entry.name) continue;
        let manifest = parsed.data;
        if (!isTerminal(manifest.status)) {
          manifest = { ...manifest, status: 'failed', finishedAt: new Date().toISOString(), error: { code: 'INTERRUPTED', message: 'the server stopped while this run was in progress' } };
          await writeJsonAtomic(manifestPath, manifest);
        }
        await rm(join(folder, STAGING_DIR), { recursive: true, force: true });
        this.runs.set(manifest.id, { manifest, folder, persist: true, writes: Promise.resolve() });
      } else if (existsSync(join(folder, 'model.json'))) {
        this.registerFolder(folder);
      }
    }
  }

  /**
   * Registers a finished run folder (model.json, summary.json …) as a run with status done; the id is
   * derived from the folder name (with -2, -3 … when taken). The same folder twice gives the same run.
   * Its times are the run's own (folderTimes), not the time it was registered.
   * @param dir the run folder
   * @returns its manifest
   */
  registerFolder(dir: string): RunManifest {
    const folder = resolve(dir);
    for (const r of this.runs.values()) if (r.folder === folder) return r.manifest;
    const base = runIdFromName(basename(folder));
    let id = base;
    for (let k = 2; this.runs.has(id); k++) id = `${base.slice(0, 60)}-${k}`;
    const manifest: RunManifest = {
      id, name: basename(folder), status: 'done', ...folderTimes(folder),
      progress: { done: 1, total: 1, phase: 'done' }, error: null, source: { type: 'folder', path: folder }, roles: null, options: null,
    };
    this.runs.set(id, { manifest, folder, persist: false, writes: Promise.resolve() });
    return manifest;
  }

  /** A fresh run id (time stamp + random suffix) not yet used. */
  newId(): string {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    let id: string;
    do id = `run-${stamp}-${Math.random().toString(36).slice(2, 6)}`; while (this.runs.has(id) || existsSync(join(this.runsDir, id)));
    return id;
  }

  /** Adds a run created by the server (its folder under runsDir must exist) and writes its run.json. */
  async create(manifest: RunManifest): Promise<void> {
    const folder = join(this.runsDir, manifest.id);
    this.runs.set(manifest.id, { manifest, folder, persist: true, writes: Promise.resolve() });
    await writeJsonAtomic(join(folder, RUN_MANIFEST_FILE), manifest);
  }

  /** The manifest of a run, or undefined. */
  get(id: string): RunManifest | undefined {
    return this.runs.get(id)?.manifest;
  }

  /** The folder of a run, or undefined. */
  folderOf(id: string): string | undefined {
    return this.runs.get(id)?.folder;
  }

  /** Every run, newest first. */
  list(): RunManifest[] {
    return [...this.runs.values()].map((r) => r.manifest).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }

  /**
   * Changes a run's manifest, tells subscribers, and writes run.json when the status changed. A run
   * in a terminal status is never changed again (a late progress message after a cancel is dropped).
   * @returns the new manifest, or undefined when the run is unknown or already terminal
   */
  async update(id: string, patch: RunPatch): Promise<RunManifest | undefined> {
    const r = this.runs.get(id);
    if (r === undefined || isTerminal(r.manifest.status)) return undefined;
    const before = r.manifest.status;
    const manifest = { ...r.manifest, ...patch };
    r.manifest = manifest;
    if (r.persist && manifest.status !== before) {
      // status changes are written in order, and announced once on disk
      r.writes = r.writes.then(() => writeJsonAtomic(join(r.folder, RUN_MANIFEST_FILE), manifest));
      await r.writes;
    }
    this.events.emit(id, eventOf(manifest));
    return manifest;
  }

  /** Calls `listener` with every later event of the run; returns the function that unsubscribes. */
  subscribe(id: string, listener: (event: RunEvent) => void): () => void {
    this.events.on(id, listener);
    return () => void this.events.off(id, listener);
  }
}

/**
 * When a finished run folder's fit was made: the times of its run.json when it has one (a folder a
 * server fitted), else its model.json's last change for both creation and end (`mixwise fit` records
 * no times; the model is written when the fit ends). A folder without either gets the current time.
 * @example folderTimes('out/demo') // { createdAt: '2025-03-01T10:00:00.000Z', startedAt: null, finishedAt: '2025-03-01T10:00:00.000Z' }
 */
export function folderTimes(folder: string): Pick<RunManifest, 'createdAt' | 'startedAt' | 'finishedAt'> {
  try {
    const m = RunManifestSchema.safeParse(JSON.parse(readFileSync(join(folder, RUN_MANIFEST_FILE), 'utf8')));
    if (m.success && m.data.status === 'done') return { createdAt: m.data.createdAt, startedAt: m.data.startedAt, finishedAt: m.data.finishedAt };
  } catch {
    // no run.json, or not one of ours: the model's time below
  }
  let at: string;
  try {
    at = statSync(join(folder, 'model.json')).mtime.toISOString();
  } catch {
    at = new Date().toISOString();
  }
  return { createdAt: at, startedAt: null, finishedAt: at };
}

/** Whether a status is final. @example isTerminal('cancelled') // true */
export function isTerminal(status: RunManifest['status']): boolean {
  return (TERMINAL_RUN_STATUSES as readonly string[]).includes(status);
}

/** The SSE event of a manifest's current state. */
export function eventOf(m: RunManifest): RunEvent {
  return { runId: m.id, status: m.status, progress: m.progress, error: m.error, at: new Date().toISOString() };
}
