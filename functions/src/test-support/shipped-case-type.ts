import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseType } from '../contract/case-type';
import { importDefinition, publish } from '../domain/case-types';

/** A shipped case type (functions/case-types/<key>.yaml) published as version 1. */
export function shippedCaseType(key: string): CaseType {
  const text = readFileSync(join(__dirname, `../../case-types/${key}.yaml`), 'utf8');
  const validation = importDefinition(text, 'yaml');
  if (!validation.valid) throw new Error(`the shipped ${key} should validate`);
  return publish(validation.definition, [], { publishedAt: '2026-01-01T00:00:00.000Z' });
}
