/** Values for the `{name}` placeholders of a UI string. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A translate function bound to one language: `t('key', { name })`. */
export type Translator<Key extends string> = (key: Key, params?: MessageParams) => string;

/** Fills `{name}` placeholders; one without a value stays visible rather than printing `undefined`. */
export function fillPlaceholders(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholder names a string uses, sorted. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

/** A translator over one dictionary; the key type comes from the app's own (Dutch) dictionary. */
export function translatorFor<Key extends string>(messages: Readonly<Record<Key, string>>): Translator<Key> {
  return (key, params) => fillPlaceholders(messages[key], params);
}

/**
 * What is wrong between an app's dictionaries, as readable lines (empty when they agree): every language
 * must have exactly the keys of the reference language, no empty strings, and the same placeholders.
 */
export function dictionaryProblems(
  dictionaries: Readonly<Record<string, Readonly<Record<string, string>>>>,
  reference: string,
): string[] {
  const base = dictionaries[reference];
  if (!base) return [`no '${reference}' dictionary`];
  const problems: string[] = [];
  for (const [language, messages] of Object.entries(dictionaries)) {
    for (const key of Object.keys(base)) {
      const text = messages[key];
      if (text === undefined) problems.push(`${language}: '${key}' is missing`);
      else if (text.trim() === '') problems.push(`${language}: '${key}' is empty`);
      else if (placeholders(text).join() !== placeholders(base[key] ?? '').join())
        problems.push(
          `${language}: '${key}' uses {${placeholders(text).join('}, {')}} instead of the placeholders of ${reference}`,
        );
    }
    for (const key of Object.keys(messages)) {
      if (!(key in base)) problems.push(`${language}: '${key}' is not a key of ${reference}`);
    }
  }
  return problems;
}
