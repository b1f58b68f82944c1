import { z } from 'zod';

/**
 * Building blocks shared by the config modules of the Function apps (API and bot): the error that stops
 * start-up naming every bad setting, and zod helpers for settings read from the environment.
 */
export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface ConfigIssue {
  setting: string;
  message: string;
}

/** Start-up stops with this: every bad or missing setting, by name; never a setting's value. */
export class ConfigError extends Error {
  constructor(
    readonly issues: ConfigIssue[],
    app = 'API',
  ) {
    super(`Invalid ${app} configuration:\n${issues.map((i) => `- ${i.setting}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** An optional setting; an empty or blank value counts as unset. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
export const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
export const guid = z.uuid({ error: 'must be a GUID' });
export const environmentMode = z.enum(['local', 'azure'], { error: 'must be "local" or "azure"' });
export const appIdUri = z.string().regex(/^(api|https):\/\/\S+$/, 'must be an Application ID URI (api://... or https://...)');
export const logLevel = z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` });
