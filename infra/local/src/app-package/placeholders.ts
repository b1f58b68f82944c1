/** `${{NAME}}`: the Agents Toolkit's placeholder syntax in manifests and parameter files. */
const placeholderPattern = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1] ?? ''))].sort();
}

export interface FilledText {
  text: string;
  /** Placeholders with no value (or an empty one): packaging must stop and name them. */
  missing: string[];
}

/**
 * Replaces `${{NAME}}` with the value, escaped for a JSON string (the templates are JSON files, and a
 * value with a quote or backslash must not break them).
 */
export function fillJsonPlaceholders(text: string, values: Readonly<Record<string, string | undefined>>): FilledText {
  const missing = new Set<string>();
  const filled = text.replace(placeholderPattern, (match, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return match;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text: filled, missing: [...missing].sort() };
}
