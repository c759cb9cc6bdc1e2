import { z } from 'zod';

/** Upload ids: 16 lowercase hex digits (made by the server). */
export const UPLOAD_ID_PATTERN = /^[0-9a-f]{16}$/;
/** Run ids: lowercase letters, digits, `-` and `_`, starting with a letter or digit, at most 64 characters. */
export const RUN_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** An upload id (see UPLOAD_ID_PATTERN). */
export const UploadIdSchema = z.string().regex(UPLOAD_ID_PATTERN, 'an upload id is 16 lowercase hex digits');
/** A run id (see RUN_ID_PATTERN). */
export const RunIdSchema = z.string().regex(RUN_ID_PATTERN, 'a run id is 1–64 characters: a-z, 0-9, - and _');
