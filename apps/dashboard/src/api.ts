import {
  ApiErrorSchema, GeoBreakdownSchema, LiftTestsResponseSchema, RoleMappingResponseSchema, RunEventSchema, RunExportsSchema, RunListSchema, RunManifestSchema, UploadSchema,
  type CleaningChoice, type FitRequestInput, type Issue, type RoleMappingResponse, type RolesInput, type RunEvent, type RunExports, type RunManifest,
  type Upload, type ApiErrorCode, type GeoBreakdown, type LiftTestsResponse,
} from '@mixwise/contracts';
import type { DiagnosticsResult, MmmModel, SummaryResult } from '@mixwise/engine';
import { tokenFromSearch, withToken } from './logic/token.ts';
import { reviveModel } from './logic/revive-model.ts';

/** A non-2xx answer of the API, with its stable code and any validation issues. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode | 'NETWORK';
  readonly issues: readonly Issue[];
  constructor(status: number, code: ApiErrorCode | 'NETWORK', message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** The token the page was opened with (`?token=`), sent with every request. */
export const token: string | null = typeof location !== 'undefined' ? tokenFromSearch(location.search) : null;

async function call<T>(path: string, init: RequestInit = {}, parse?: (v: unknown) => T): Promise<T> {
  const headers = new Headers(init.headers);
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch (err) {
    throw new ApiRequestError(0, 'NETWORK', `Cannot reach the Mixwise server (${err instanceof Error ? err.message : String(err)}).`);
  }
  const text = await res.text();
  let body: unknown;
  try { body = text === '' ? null : JSON.parse(text); } catch { body = text; }
  if (!res.ok) {
    const parsed = ApiErrorSchema.safeParse(body);
    if (parsed.success) throw new ApiRequestError(res.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.issues ?? []);
    throw new ApiRequestError(res.status, res.status === 404 ? 'NOT_FOUND' : 'INTERNAL', `${res.status} ${res.statusText}`);
  }
  return parse ? parse(body) : (body as T);
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const enc = encodeURIComponent;

/** Typed client of the Mixwise HTTP API (packages/server), DTOs from @mixwise/contracts. */
export const api = {
  listRuns: (): Promise<RunManifest[]> => call('/api/runs', {}, (v) => RunListSchema.parse(v).runs),
  getRun: (id: string): Promise<RunManifest> => call(`/api/runs/${enc(id)}`, {}, (v) => RunManifestSchema.parse(v)),
  /** The run's model.json; a KPI left out of the fit (null in the file) is NaN again (reviveModel). */
  getModel: (id: string): Promise<MmmModel> => call(`/api/runs/${enc(id)}/model`, {}, reviveModel),
  getSummary: (id: string): Promise<SummaryResult> => call(`/api/runs/${enc(id)}/summary`),
  getDiagnostics: (id: string): Promise<DiagnosticsResult> => call(`/api/runs/${enc(id)}/diagnostics`),
  getExports: (id: string): Promise<RunExports> => call(`/api/runs/${enc(id)}/exports`, {}, (v) => RunExportsSchema.parse(v)),
  /**
   * The run's KPI by geography (geo.json), or null when it has none. The run's file list is read first,
   * so a run without geos costs no 404 (which the browser would log as a console error); a 404 that
   * still happens (file removed in between) is null too.
   */
  getGeo: async (id: string): Promise<GeoBreakdown | null> => {
    const files = await api.getExports(id);
    if (!files.files.some((f) => f.folder === 'run' && f.name === 'geo.json')) return null;
    return call(`/api/runs/${enc(id)}/geo`, {}, (v) => GeoBreakdownSchema.parse(v)).catch((err: unknown) => {
      if (err instanceof ApiRequestError && err.status === 404) return null;
      throw err;
    });
  },
  /** Upload a CSV or Parquet file (multipart field `file`). */
  upload: (file: File): Promise<Upload> => {
    const form = new FormData();
    form.append('file', file, file.name);
    return call('/api/uploads', { method: 'POST', body: form }, (v) => UploadSchema.parse(v));
  },
  getUpload: (id: string): Promise<Upload> => call(`/api/uploads/${enc(id)}`, {}, (v) => UploadSchema.parse(v)),
  checkRoles: (uploadId: string, roles: RolesInput, cleaning: readonly CleaningChoice[] = []): Promise<RoleMappingResponse> =>
    call(`/api/uploads/${enc(uploadId)}/roles`, { ...json({ roles, cleaning }), method: 'PUT' }, (v) => RoleMappingResponseSchema.parse(v)),
  /**
   * Read a lift-test CSV for an upload (multipart: field `file`, the roles as JSON in `roles`, and the
   * holdout): the server checks it against the channels and dates these roles give, and the fitted rows.
   * Refused files throw an ApiRequestError whose issues name the row and column.
   */
  readLiftTests: (uploadId: string, file: File, roles: RolesInput, holdout: number, cleaning: readonly CleaningChoice[] = []): Promise<LiftTestsResponse> => {
    const form = new FormData();
    form.append('roles', JSON.stringify(roles));
    form.append('holdout', String(holdout));
    form.append('cleaning', cleaning.join(','));
    form.append('file', file, file.name);
    return call(`/api/uploads/${enc(uploadId)}/lift-tests`, { method: 'POST', body: form }, (v) => LiftTestsResponseSchema.parse(v));
  },
  startRun: (request: FitRequestInput): Promise<RunManifest> => call('/api/runs', json(request), (v) => RunManifestSchema.parse(v)),
  cancelRun: (id: string): Promise<unknown> => call(`/api/runs/${enc(id)}/cancel`, { method: 'POST' }),
  exportUrl: (id: string, name: string): string => withToken(`/api/runs/${enc(id)}/exports/${enc(name)}`, token),
  reportUrl: (id: string): string => withToken(`/api/runs/${enc(id)}/report`, token),
  /**
   * Follow a run's progress over SSE (`event: run`). Returns a function that closes the stream.
   * The stream closes itself after a terminal status.
   */
  followRun(id: string, onEvent: (e: RunEvent) => void, onError: (message: string) => void): () => void {
    const es = new EventSource(withToken(`/api/runs/${enc(id)}/events`, token));
    let finished = false;
    es.addEventListener('run', (msg) => {
      const parsed = RunEventSchema.safeParse(JSON.parse((msg as MessageEvent<string>).data));
      if (!parsed.success) return;
      onEvent(parsed.data);
      if (['done', 'failed', 'cancelled'].includes(parsed.data.status)) { finished = true; es.close(); }
    });
    es.onerror = () => { if (!finished) { onError('Lost the progress stream from the server.'); es.close(); } };
    return () => es.close();
  },
};

/** A link that keeps the page's token, for in-app navigation to a route hash. */
export function pageHref(hash: string): string {
  return token !== null ? `?token=${enc(token)}${hash}` : hash;
}
