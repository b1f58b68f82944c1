import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';

/** Where the Adaptive Card 1.5 schema sits inside the shared specs folder. */
export const cardSchemaPath = (specsDir: string): string => resolve(specsDir, 'm365/adaptive-cards/adaptive-card-1.5.0.json');

/** The shared specs folder when ZAAKWERK_SPECS_DIR is not set: ../shared/specs next to the repository. */
export const defaultSpecsDir = resolve(__dirname, '../../../../shared/specs');

export const cardSchemaExists = (specsDir: string): boolean => existsSync(cardSchemaPath(specsDir));

/**
 * A validator for the official Adaptive Card 1.5 schema: Ajv errors for a card (empty when valid).
 * Teams-only `msteams` properties are stripped first.
 */
export function cardSchemaValidator(specsDir: string): (card: unknown) => ErrorObject[] {
  let validate: ValidateFunction | undefined;
  return (card) => {
    validate ??= compile(cardSchemaPath(specsDir));
    return validate(stripTeamsProperties(card)) ? [] : (validate.errors ?? []);
  };
}

function compile(path: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  // Draft-06 names its id `id`; ajv 8 reads `$id`.
  const { id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}

/** The official schema rejects Teams' own extension (`msteams`), which Teams itself accepts. */
function stripTeamsProperties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTeamsProperties);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== 'msteams')
      .map(([key, v]) => [key, stripTeamsProperties(v)]),
  );
}
