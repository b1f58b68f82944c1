import { fragmentLookup, importDefinition, publish } from '../../domain/case-types';
import { CaseTypeAlreadyExists, type CaseTypeRepository } from '../../ports/case-types';

/** A case-type file as shipped with the product (functions/case-types/*.yaml). */
export interface CaseTypeFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Publishes each shipped case type as version 1 when its key has no version yet, so a fresh
 * environment starts with the examples and a rerun changes nothing (keys with versions are left alone,
 * whatever the file says now). No draft is created: administrators start one when they change a type.
 * A shipped file that does not validate stops the seed with every issue listed.
 */
export async function publishShippedCaseTypes(
  files: readonly CaseTypeFile[],
  at: string,
  repository: CaseTypeRepository,
): Promise<{ published: string[]; present: string[] }> {
  const fragments = fragmentLookup(await repository.listFragments());
  const published: string[] = [];
  const present: string[] = [];
  for (const file of files) {
    const validation = importDefinition(file.text, file.name.endsWith('.json') ? 'json' : 'yaml', { fragments });
    if (!validation.valid) {
      const issues = validation.issues.map((issue) => `${issue.path}: ${issue.code} (${issue.message})`).join('; ');
      throw new Error(`Shipped case type ${file.name} is invalid: ${issues}`);
    }
    const { key } = validation.definition;
    if ((await repository.listVersions(key)).length > 0) {
      present.push(key);
      continue;
    }
    try {
      await repository.addVersion(publish(validation.definition, [], { publishedAt: at, fragments }));
      published.push(key);
    } catch (error) {
      // Another process seeded the same key a moment ago: the outcome is the same.
      if (!(error instanceof CaseTypeAlreadyExists)) throw error;
      present.push(key);
    }
  }
  return { published, present };
}
