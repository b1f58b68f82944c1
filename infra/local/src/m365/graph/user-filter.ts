import { graphErrors } from './errors';

/** A parsed `$filter` on users: the subset of OData that Entra supports without advanced queries. */
export type UserFilter =
  | { op: 'and' | 'or'; left: UserFilter; right: UserFilter }
  | { op: 'startswith'; property: string; value: string }
  | { op: 'eq'; property: string; value: string }
  | { op: 'in'; property: string; values: string[] };

const startsWithProperties = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName'];
const eqProperties = ['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName'];
const inProperties = ['id', 'mail', 'userPrincipalName'];

type Token = { kind: 'word'; text: string } | { kind: 'string'; text: string } | { kind: 'punct'; text: '(' | ')' | ',' };

/**
 * Parses `startswith(displayName,'San')`, `mail eq 'x'`, `id in ('a','b')`, combined with and/or and
 * parentheses. Syntax errors are 400 BadRequest; valid OData this stand-in (or Entra without
 * ConsistencyLevel) does not support is 400 Request_UnsupportedQuery.
 */
export function parseUserFilter(text: string): UserFilter {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const next = (): Token => {
    const token = tokens[pos++];
    if (!token) throw invalid(text);
    return token;
  };
  const expect = (punct: '(' | ')' | ','): void => {
    const token = next();
    if (token.kind !== 'punct' || token.text !== punct) throw invalid(text);
  };
  const isWord = (token: Token | undefined, word: string): boolean => token?.kind === 'word' && token.text.toLowerCase() === word;
  const stringValue = (): string => {
    const token = next();
    if (token.kind !== 'string') throw invalid(text);
    return token.text;
  };
  const property = (allowed: readonly string[]): string => {
    const token = next();
    if (token.kind !== 'word') throw invalid(text);
    const found = allowed.find((p) => p.toLowerCase() === token.text.toLowerCase());
    if (!found)
      throw graphErrors.unsupportedQuery(
        `Unsupported or invalid query filter clause specified for property '${token.text}' of resource 'User'.`,
      );
    return found;
  };

  const primary = (): UserFilter => {
    const token = peek();
    if (token?.kind === 'punct' && token.text === '(') {
      next();
      const inner = orExpression();
      expect(')');
      return inner;
    }
    if (token?.kind === 'word' && tokens[pos + 1]?.kind === 'punct' && tokens[pos + 1]?.text === '(') {
      if (!isWord(token, 'startswith'))
        throw graphErrors.unsupportedQuery(`Unsupported Query: the function '${token.text}' is not supported.`);
      next();
      expect('(');
      const prop = property(startsWithProperties);
      expect(',');
      const value = stringValue();
      expect(')');
      return { op: 'startswith', property: prop, value };
    }
    if (token?.kind !== 'word') throw invalid(text);
    const operator = tokens[pos + 1];
    if (isWord(operator, 'eq')) {
      const prop = property(eqProperties);
      next();
      return { op: 'eq', property: prop, value: stringValue() };
    }
    if (isWord(operator, 'in')) {
      const prop = property(inProperties);
      next();
      expect('(');
      const values = [stringValue()];
      while (peek()?.kind === 'punct' && peek()?.text === ',') {
        next();
        values.push(stringValue());
      }
      expect(')');
      return { op: 'in', property: prop, values };
    }
    if (operator?.kind === 'word')
      throw graphErrors.unsupportedQuery(`Unsupported Query: the operator '${operator.text}' is not supported.`);
    throw invalid(text);
  };
  const andExpression = (): UserFilter => {
    let left = primary();
    while (isWord(peek(), 'and')) {
      next();
      left = { op: 'and', left, right: primary() };
    }
    return left;
  };
  const orExpression = (): UserFilter => {
    let left = andExpression();
    while (isWord(peek(), 'or')) {
      next();
      left = { op: 'or', left, right: andExpression() };
    }
    return left;
  };

  const result = orExpression();
  if (pos !== tokens.length) throw invalid(text);
  return result;
}

/** Evaluates a filter against a user's properties; the directory compares strings case-insensitively. */
export function matchesUserFilter(filter: UserFilter, user: Readonly<Record<string, string>>): boolean {
  const value = (property: string): string => (user[property] ?? '').toLowerCase();
  switch (filter.op) {
    case 'and':
      return matchesUserFilter(filter.left, user) && matchesUserFilter(filter.right, user);
    case 'or':
      return matchesUserFilter(filter.left, user) || matchesUserFilter(filter.right, user);
    case 'startswith':
      return value(filter.property).startsWith(filter.value.toLowerCase());
    case 'eq':
      return value(filter.property) === filter.value.toLowerCase();
    case 'in':
      return filter.values.some((v) => v.toLowerCase() === value(filter.property));
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw invalid(text);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', text: value });
    } else {
      const word = /^[A-Za-z_][A-Za-z0-9_./]*/.exec(text.slice(i));
      if (!word) throw invalid(text);
      tokens.push({ kind: 'word', text: word[0] });
      i += word[0].length;
    }
  }
  return tokens;
}

const invalid = (text: string) => graphErrors.badRequest(`Invalid filter clause: syntax error in '${text}'.`);
