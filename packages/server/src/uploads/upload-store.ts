import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { writeJsonAtomic } from '@mixwise/data';
import { UPLOAD_ID_PATTERN, UploadSchema, type Upload } from '@mixwise/contracts';

/** The metadata file of an upload. */
export const UPLOAD_META_FILE = 'upload.json';

/**
 * Uploaded files on disk: `<dataDir>/uploads/<id>/` holds the file as sent (`source.csv` or
 * `source.parquet`), `data.csv` (the file the fit reads: the CSV itself, or the Parquet file
 * converted by DuckDB) and `upload.json` (the Upload answer). Ids are 16 random hex digits.
 */
export class UploadStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(resolve(dataDir), 'uploads');
  }

  /** A fresh upload id. @example store.newId() // 'a3f09c1e22b4d871' */
  newId(): string {
    let id: string;
    do id = randomBytes(8).toString('hex'); while (existsSync(join(this.root, id)));
    return id;
  }

  /** The folder of an upload id (the id must match UPLOAD_ID_PATTERN). @throws Error for a bad id */
  dir(id: string): string {
    if (!UPLOAD_ID_PATTERN.test(id)) throw new Error(`bad upload id ${JSON.stringify(id)}`);
    return join(this.root, id);
  }

  /** The CSV file a fit of this upload reads. */
  csvPath(id: string): string {
    return join(this.dir(id), 'data.csv');
  }

  /** The file as sent (source.parquet, else source.csv): what a model records as its data file. */
  sentPath(id: string): string {
    const parquet = join(this.dir(id), 'source.parquet');
    return existsSync(parquet) ? parquet : join(this.dir(id), 'source.csv');
  }

  /** Writes upload.json. */
  async save(upload: Upload): Promise<void> {
    await writeJsonAtomic(join(this.dir(upload.uploadId), UPLOAD_META_FILE), upload);
  }

  /** The upload's metadata, or undefined for an unknown (or malformed) id. */
  async get(id: string): Promise<Upload | undefined> {
    if (!UPLOAD_ID_PATTERN.test(id)) return undefined;
    const text = await readFile(join(this.dir(id), UPLOAD_META_FILE), 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    const parsed = UploadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  }
}
