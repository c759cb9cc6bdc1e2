/**
 * Issue codes of the config file (mixwise.yaml), beside DATA_ISSUE_CODES. Stable: callers may branch
 * on them. Reading problems (missing or unreadable file) use FILE_NOT_FOUND / FILE_UNREADABLE.
 */
export const CONFIG_ISSUE_CODES = {
  CONFIG_SYNTAX: 'the config file is not valid YAML',
  CONFIG_INVALID: 'a config key is unknown, missing, or has a value of the wrong kind',
  CONFIG_DATA_MISMATCH: 'the config does not fit the data (granularity, window, holdout, lift tests)',
} as const;

/** A code from CONFIG_ISSUE_CODES. */
export type ConfigIssueCode = keyof typeof CONFIG_ISSUE_CODES;
