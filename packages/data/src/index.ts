// @mixwise/data — the public API: reading user files into a ModelingTable, and atomic writes.
export type { Issue, IssueDetails, IssueLocation } from './issue.ts';
export { DataError, formatIssue, formatLocation, hasErrors } from './issue.ts';
export type { DataIssueCode } from './issue-codes.ts';
export { DATA_ISSUE_CODES } from './issue-codes.ts';
export { IssueCollector, countIssues, moreIssuesMessage, moreIssuesOf } from './issue-collector.ts';

export type { CsvTable, ReadCsvOptions } from './read/read-csv.ts';
export { readCsvFile, parseCsvText } from './read/read-csv.ts';
export { decodeCsvBytes } from './read/decode-text.ts';
export type { CsvDelimiter } from './read/detect-delimiter.ts';
export { CSV_DELIMITERS, detectDelimiter } from './read/detect-delimiter.ts';
export { spreadsheetLetter } from './read/check-header.ts';
export type { DateParse } from './read/date.ts';
export { parseDate, looksLikeDate, daysFromIso, isoFromDays, daysInMonth } from './read/date.ts';
export type { NumberFailure, NumberParse } from './read/parse-number.ts';
export { parseNumber } from './read/parse-number.ts';

export type { DetectedColumns } from './detect/detect-columns.ts';
export { detectColumns } from './detect/detect-columns.ts';
export { DATE_COLUMN_NAMES, detectDateColumn } from './detect/detect-date-column.ts';
export type { ChannelRef } from './detect/detect-channels.ts';
export { resolveChannels } from './detect/detect-channels.ts';
export type { RolesIn } from './detect/role-hints.ts';
export { spendChannelName, spendColumnsByName, spendMarker } from './detect/spend-naming.ts';
export type { DateSource } from './detect/detect-frequency.ts';
export { FREQUENCY_STEP_DAYS, detectFrequency } from './detect/detect-frequency.ts';

export type { TableRoles, ResolvedRoles } from './build/resolve-roles.ts';
export type { TableFromCsvResult } from './build/table-from-csv.ts';
export { tableFromCsv } from './build/table-from-csv.ts';
export { isNumericColumn } from './build/unused-numeric-columns.ts';
export { NO_EVENT_LEVELS } from './build/read-event-columns.ts';
export { guessTargetKind } from './build/guess-target-kind.ts';
export { MIN_PERIODS_HARD, MIN_PERIODS_SOFT, minimumPeriods, parameterCount } from './build/minimum-periods.ts';

export { writeFileAtomic, writeJsonAtomic, toJson } from './write/atomic-write.ts';
export type { CsvCell } from './write/write-csv.ts';
export { toCsv, writeCsvAtomic } from './write/write-csv.ts';
export type { ExtraColumn } from './write/wide-table.ts';
export { wideTable } from './write/wide-table.ts';
export { readLiftTests, liftTestsFromCsv } from './read/read-lift-tests.ts';
export type { LiftTestScope, LiftTestProblem } from './validate/lift-test-problems.ts';
export { liftTestProblems } from './validate/lift-test-problems.ts';
export { spendVariationIssues } from './validate/spend-variation.ts';
export { repeatedLiftTests, REPEATED_LIFT_TEST_HINT } from './validate/repeated-lift-tests.ts';
export { readModel, MODEL_FILE } from './read/read-model.ts';

// Exports of a fitted run for BI tools (docs/exports.md).
export type { ExportTable, ExportColumn, ExportColumnType, ExportCell } from './export/export-table.ts';
export { exportTable } from './export/export-table.ts';
export type { ExportTablesOptions } from './export/export-tables.ts';
export { exportTables, EXPORT_TABLE_NAMES } from './export/export-tables.ts';
export type { ExportRunResult } from './export/export-run.ts';
export { exportRun } from './export/export-run.ts';
export { ExportWriteError, publishExport, exportPaths, STAGING_PREFIX, type ExportPaths } from './export/publish-export.ts';
export { runId, EXPORT_SCHEMA_VERSION } from './export/run-id.ts';
export { runInfoTable, withRunId } from './export/tables/run-info.ts';
export { spendTable } from './export/tables/spend.ts';
export { writeSqlite, sqliteBytes, loadSqlJs, SQLITE_TYPES } from './export/write-sqlite.ts';
export { writeParquetTables, PARQUET_TYPES } from './export/write-parquet.ts';
export { writeCsvTables } from './export/write-csv-tables.ts';

// project config (mixwise.yaml)
export type { MixwiseConfig, MixwiseConfigInput } from './config/config-schema.ts';
export { configSchema, ADSTOCK_CHOICES, SATURATION_CHOICES, SIGN_CHOICES } from './config/config-schema.ts';
export type { ConfigIssueCode } from './config/config-codes.ts';
export { CONFIG_ISSUE_CODES } from './config/config-codes.ts';
export type { ConfigIssue } from './config/config-issues.ts';
export type { LoadedConfig } from './config/load-config.ts';
export { loadConfig, parseConfigText } from './config/load-config.ts';
export type { ConfigRun, ConfigChannel, ConfigModel } from './config/config-to-run.ts';
export { configToRun, configSpec, windowRows } from './config/config-to-run.ts';
export { checkConfigData, configWindowIssue } from './config/check-config-data.ts';
export { tableFromConfig } from './config/table-from-config.ts';
export type { JsonSchema } from './config/json-schema.ts';
export { CONFIG_SCHEMA_PATH, configJsonSchema, configJsonSchemaText } from './config/json-schema.ts';
export type { ConfigDetection, DetectedChannel, GivenRoles } from './config/detect-config.ts';
export { checkDetectedNames, detectConfig } from './config/detect-config.ts';
export type { CandidateControls, LeftOutColumn, LeftOutReason } from './detect/candidate-controls.ts';
export { KPI_WORDS, MAX_IMPUTED_SHARE, candidateControls, imputableControls, leftOutText } from './detect/candidate-controls.ts';
export type { InitConfigOptions } from './config/init-config-text.ts';
export { initConfigText } from './config/init-config-text.ts';
export type { ModelingTableFiles } from './config/write-modeling-table.ts';
export { writeModelingTable } from './config/write-modeling-table.ts';

// validation rules (one per file) and cleaning steps with change logs
export type { ValidationRoles, RuleRoles, RuleOptions, TableRule } from './validate/rule-types.ts';
export type { ReadOutcome } from './validate/read-outcome.ts';
export { readOutcome, readOutcomeFromText } from './validate/read-outcome.ts';
export type { ValidationResult } from './validate/run-rules.ts';
export { runRules } from './validate/run-rules.ts';
export { validateFile } from './validate/validate-file.ts';
export { READ_RULES, TABLE_RULES } from './validate/rule-registry.ts';
export { missingColumns } from './validate/rules/missing-columns.ts';
export type { OutlierOptions } from './validate/rules/extreme-outliers.ts';
export { extremeOutliers } from './validate/rules/extreme-outliers.ts';
export type { Change, CleaningRoles, StepResult } from './clean/change.ts';
export { INSERTED_ROW } from './clean/change.ts';
export { cleaningRoles } from './clean/cleaning-roles.ts';
export type { CleaningStep, CleaningResult } from './clean/run-cleaning.ts';
export { CLEANING_STEP_TYPES, runCleaning } from './clean/run-cleaning.ts';
export { rollUpPanel, sumPanel } from './clean/steps/sum-panel.ts';
export { sortDates } from './clean/steps/sort-dates.ts';
export { fillGaps } from './clean/steps/fill-gaps.ts';
export { handleNegatives } from './clean/steps/handle-negatives.ts';
export { winsorize } from './clean/steps/winsorize.ts';
export { imputeControls } from './clean/steps/impute-controls.ts';
export { SKIP_MISSING_KPI_HELP, SKIPPED_KPI_REASON, missingInText, skipMissingKpi } from './clean/steps/skip-missing-kpi.ts';
export type { CleaningHintVia, CleaningFix } from './clean/cleaning-hints.ts';
export { cleaningFix, withCleaningHints } from './clean/cleaning-hints.ts';
export type { CleaningFixRoles } from './clean/cleaning-hints.ts';
export type { CheckAndCleanOptions, CheckedData } from './clean/check-and-clean.ts';
export { checkAndClean } from './clean/check-and-clean.ts';
// modeling window: rows after its end are ignored, rows before its start only warm up carryover
export type { DroppedRows } from './window/drop-rows-after.ts';
export { dropRowsAfter } from './window/drop-rows-after.ts';
export { warmUpRows } from './window/warm-up-rows.ts';
export { outcomeUntil } from './window/outcome-until.ts';
export { withoutRaggedAfter } from './window/ragged-after-end.ts';
export type { WindowSpan } from './window/window-span.ts';
export { windowSpan } from './window/window-span.ts';
export type { ChangeLogSummary } from './clean/write-change-log.ts';
export { CHANGE_LOG_COLUMNS, CHANGE_LOG_FILES, changeLogSummary, cleaningStepName, writeChangeLog } from './clean/write-change-log.ts';
export type { CleaningEntry } from './config/cleaning-schema.ts';
export { CLEANING_BARE_STEPS, cleaningSchema, cleaningSteps } from './config/cleaning-schema.ts';

// DuckDB datamart (docs/datamart.md): long ⇄ wide, Meridian geo layout, B2B multi-source, calendar
export type { Datamart, SqlVars } from './datamart/datamart.ts';
export { openDatamart, loadSql, runModel, queryModel, tableColumns, sqlString } from './datamart/datamart.ts';
export type { B2bSources, B2bMartRow } from './datamart/b2b-datamart.ts';
export { buildB2bDatamart, b2bSourcesIn } from './datamart/b2b-datamart.ts';
export { calendarTable, CALENDAR_HOLIDAYS } from './datamart/calendar-table.ts';
export type { LongToWideOptions, LongToWideResult, LongGap, WeekDay } from './reshape/long-to-wide.ts';
export { longToWide, WEEK_DAYS } from './reshape/long-to-wide.ts';
export type { PlainTable, LongTables } from './reshape/wide-to-long.ts';
export { wideToLong } from './reshape/wide-to-long.ts';
export type { GeoMediaRow, MeridianGeoResult } from './reshape/meridian-geo.ts';
export { readMeridianGeo } from './reshape/meridian-geo.ts';
export { splitCents } from './reshape/split-cents.ts';
export { b2bWideTable } from './datamart/b2b-wide-table.ts';
export type { SourcesTableResult } from './datamart/sources-table.ts';
export { sourcesTable } from './datamart/sources-table.ts';
export type { SourcesConfig } from './datamart/sources-schema.ts';
export { sourcesSchema } from './datamart/sources-schema.ts';
export { responseCurvesTable } from './export/tables/response-curves.ts';
export { PROJECT_DATABASE_FILE, projectDatabaseTempPath, finishProjectDatabase, discardProjectDatabase, type ProjectTables } from './datamart/project-database.ts';
export type { GeoBreakdown, GeoBreakdownRow, GeoBreakdownOptions } from './datamart/geo-breakdown.ts';
export { geoBreakdown } from './datamart/geo-breakdown.ts';
