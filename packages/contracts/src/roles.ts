import { z } from 'zod';
import { IssueSchema } from './issue.ts';
import { CleaningChoicesSchema, CleaningStepSummarySchema } from './cleaning-choice.ts';

/** What a fit does with a panel column: add the geos up ('sum') or fit the geo-level model ('geo'). */
export const PANEL_MODES = ['sum', 'geo'] as const;

/** A column name; `what` names the role in the message. */
const column = (what: string): z.ZodString => z.string({ error: `${what} must be a column name` }).min(1, { error: `${what} must be a column name` });

/**
 * Which column plays which part in a fit. `channels` are spend columns (`tv_spend`; the channel is
 * named by the part before `_spend`). `panel`: the column that splits every date into rows (geo,
 * product…) in a panel file; the rows of each date are added up into one before the fit (the
 * sum_panel cleaning step). `organic`: organic media, exposure columns without spend (newsletter
 * sends, organic impressions) modelled with carryover and saturation against zero exposure, without
 * ROI, as `mixwise fit --organic` (never suggested: the user picks them). A column may have one role
 * only. Unknown keys are refused.
 */
export const RolesSchema = z.strictObject({
  date: column('the date column (roles.date)'),
  target: column('the KPI column (roles.target)'),
  channels: z.array(column('each channel (roles.channels)'), { error: 'roles.channels must be a list of spend columns' }).min(1, 'at least one channel (spend column) is needed'),
  controls: z.array(column('each control (roles.controls)'), { error: 'roles.controls must be a list of columns' }).default([]),
  events: z.array(column('each event (roles.events)'), { error: 'roles.events must be a list of columns' }).default([]),
  organic: z.array(column('each organic media column (roles.organic)'), { error: 'roles.organic must be a list of exposure columns' }).default([]),
  panel: column('the panel column (roles.panel)').optional(),
  /**
   * What is done with the panel column: 'sum' (default) adds the rows of each date up into one national
   * series (the sum_panel step); 'geo' fits the geo-level model on every geo's series with shared media
   * curves (`mixwise fit --geo <panel>`): every geo needs a row for every date, and the ridge method on
   * spend only (no bayes, lift tests, organic or exposure media; no value-changing cleaning steps yet).
   * Only with `panel`.
   */
  panelMode: z.enum(PANEL_MODES, { error: 'roles.panelMode must be "sum" (add the geos up) or "geo" (the geo-level model)' }).optional(),
  /**
   * With panelMode 'geo' only: the column holding each geo's size (population, households…), one
   * positive number per geo, the same on all its rows, as `mixwise fit --geo-size`: each geo is scaled
   * by its share of this column instead of its share of the KPI. Not a control or event of the model.
   */
  geoSize: column('the geo size column (roles.geoSize)').optional(),
  /**
   * Built-in holidays added as 0/1 events named `holiday_<id>`, as `mixwise fit --holidays`: set names
   * (us, uk, de, fr, retail) and holiday ids (black-friday), case-insensitive; an unknown name comes back
   * as a HOLIDAY_UNKNOWN issue listing the known ones. Not columns of the file.
   */
  holidays: z.array(z.string({ error: 'each holiday (roles.holidays) must be a set name or holiday id' }).min(1, { error: 'each holiday (roles.holidays) must be a set name or holiday id' }),
    { error: 'roles.holidays must be a list of holiday sets or ids' }).optional(),
  /** Weekly data with holidays: each date is the first ('start', default) or last ('end') day of its week. */
  weekLabel: z.enum(['start', 'end'], { error: 'roles.weekLabel must be "start" or "end"' }).optional(),
  /** With holidays: one event per holiday ('each', default) or one per holiday set ('set'). */
  holidayColumns: z.enum(['each', 'set'], { error: 'roles.holidayColumns must be "each" or "set"' }).optional(),
}).superRefine((roles, ctx) => {
  const seen = new Map<string, string>();
  const add = (name: string, role: string, path: (string | number)[]): void => {
    const other = seen.get(name);
    if (other !== undefined) ctx.addIssue({ code: 'custom', path, message: `column "${name}" is already the ${other}` });
    else seen.set(name, role);
  };
  add(roles.date, 'date', ['date']);
  add(roles.target, 'target', ['target']);
  roles.channels.forEach((c, k) => add(c, 'channel', ['channels', k]));
  roles.controls.forEach((c, k) => add(c, 'control', ['controls', k]));
  roles.events.forEach((c, k) => add(c, 'event', ['events', k]));
  roles.organic.forEach((c, k) => add(c, 'organic media column', ['organic', k]));
  if (roles.panel !== undefined) add(roles.panel, 'panel column', ['panel']);
  if (roles.geoSize !== undefined) add(roles.geoSize, 'geo size column', ['geoSize']);
  if (roles.panelMode === 'geo' && roles.panel === undefined) {
    ctx.addIssue({ code: 'custom', path: ['panelMode'], message: 'roles.panelMode "geo" needs roles.panel: the column naming each row\'s geo' });
  }
  if (roles.geoSize !== undefined && !(roles.panelMode === 'geo' && roles.panel !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['geoSize'], message: `roles.geoSize "${roles.geoSize}" sizes the geos of the geo-level model, which needs roles.panel (the geo column) with roles.panelMode "geo": set them, or leave roles.geoSize out` });
  }
});

/** `PUT /api/uploads/:id/roles` body: the roles to check against the file, and the cleaning steps to apply first. */
export const RoleMappingRequestSchema = z.strictObject({ roles: RolesSchema, cleaning: CleaningChoicesSchema });

/** `PUT /api/uploads/:id/roles` answer: whether a fit can start with these roles, and every issue found. */
export const RoleMappingResponseSchema = z.object({
  ok: z.boolean(),
  issues: z.array(IssueSchema),
  /** What the modeling table would be (null when the roles cannot be used). */
  table: z.object({
    periods: z.number().int().nonnegative(),
    frequency: z.enum(['daily', 'weekly', 'monthly']),
    firstDate: z.string(),
    lastDate: z.string(),
    channels: z.array(z.string()),
    /** With roles.panelMode 'geo': the geos of the panel (natural order); absent for a national table. */
    geos: z.array(z.string()).optional(),
  }).nullable(),
  /** What each cleaning step changed (the panel roll-up included), in the order run; empty without cleaning. */
  cleaning: z.array(CleaningStepSummarySchema).default([]),
  /**
   * With roles.holidays and a usable table: what was done with them, as `mixwise fit` prints it. `note`
   * is that text (one line); `added` the events with the holiday ids each marks (merged when they mark
   * the same periods), `sameAsEvent` the holidays not added because a file column marks the same
   * periods, `absent` those with no day in the window. Absent without holidays.
   */
  holidays: z.object({
    note: z.string(),
    weekLabel: z.enum(['start', 'end']).optional(),
    added: z.array(z.object({ name: z.string(), holidays: z.array(z.string()), set: z.string().optional() })),
    sameAsEvent: z.array(z.object({ holiday: z.string(), event: z.string() })),
    absent: z.array(z.string()),
  }).optional(),
});

/** Column roles of a fit (input form: controls, events and organic media may be left out). */
export type RolesInput = z.input<typeof RolesSchema>;
/** Column roles of a fit. */
export type Roles = z.infer<typeof RolesSchema>;
/** Body of `PUT /api/uploads/:id/roles`. */
export type RoleMappingRequest = z.infer<typeof RoleMappingRequestSchema>;
/** Body of `PUT /api/uploads/:id/roles` as a client may send it. */
export type RoleMappingRequestInput = z.input<typeof RoleMappingRequestSchema>;
/** Answer of `PUT /api/uploads/:id/roles`. */
export type RoleMappingResponse = z.infer<typeof RoleMappingResponseSchema>;
