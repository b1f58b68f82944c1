/**
 * Row keys of the work-queue read model (ADR 0013, 0020). Every queue partition (`assignee:<oid>`,
 * `team:<groupId>`, `caseType:<key>`) holds one row-key FAMILY per way of reading it, so each sort and
 * each search term is one RowKey range of one partition:
 *
 * - deadline: `<final or 9999-12-31>|<caseId>` (the original keys; earliest final deadline first). They
 *   start with a digit, so the family is `RowKey < ':'` and the other families (letters) sort after it.
 * - received: `r~<receivedOn, digits inverted>|<caseId>` — newest received first.
 * - updated:  `u~<updatedAt, digits inverted>|<caseId>` — most recently changed first.
 * - search:   `q~<token>|<final or 9999-12-31>|<caseId>`, one row per search token of the case's
 *   title and number (searchTokens): a term is a prefix range of this family, in deadline order per token.
 *
 * Pure: the projector, the rebuild and the reader all build keys here.
 */

/** Sorts after every real date, so cases without a deadline come last. */
export const noDeadline = '9999-12-31';

export const workQueueSorts = ['deadline', 'received', 'updated'] as const;
export type WorkQueueSort = (typeof workQueueSorts)[number];
/** The one direction each sort is stored in (a second direction would be one more row per case per queue). */
export const sortDirection: Record<WorkQueueSort, 'asc' | 'desc'> = { deadline: 'asc', received: 'desc', updated: 'desc' };

/** The exclusive upper bound of the deadline family (its keys start with a digit; ':' follows '9'). */
export const deadlineFamilyEnd = ':';
const receivedPrefix = 'r~';
const updatedPrefix = 'u~';
const searchPrefix = 'q~';

/**
 * Digits d → 9 − d, other characters kept: for strings of one fixed format (YYYY-MM-DD, ISO instants from
 * toISOString) ascending order of the result is descending order of the input.
 */
export const invertDigits = (value: string): string => value.replace(/[0-9]/g, (d) => String(9 - Number(d)));

export const deadlineKeyOf = (finalDeadline: string | null): string => finalDeadline ?? noDeadline;
export const deadlineRowKey = (finalDeadline: string | null, caseId: string): string =>
  `${deadlineKeyOf(finalDeadline)}|${caseId}`;
export const receivedRowKey = (receivedOn: string, caseId: string): string =>
  `${receivedPrefix}${invertDigits(receivedOn)}|${caseId}`;
export const updatedRowKey = (updatedAt: string, caseId: string): string =>
  `${updatedPrefix}${invertDigits(updatedAt)}|${caseId}`;
export const searchRowKey = (token: string, finalDeadline: string | null, caseId: string): string =>
  `${searchPrefix}${token}|${deadlineKeyOf(finalDeadline)}|${caseId}`;

/** The token a search row is filed under (`q~<token>|...`), or null for a row of another family. */
export function tokenOfSearchRowKey(rowKey: string): string | null {
  if (!rowKey.startsWith(searchPrefix)) return null;
  const end = rowKey.indexOf('|', searchPrefix.length);
  return end < 0 ? null : rowKey.slice(searchPrefix.length, end);
}

/**
 * The received, updated and search families live in their own table (WorkQueueViews), the deadline family
 * (and the agenda and task rows) in WorkQueue: the signal timer, the counts and the deadline lists read a
 * table that does not grow with the views — and Azurite, which filters a query over its whole table, stays
 * as fast for them as before ADR 0020. Same partitions and row keys in both; the key tells the table.
 */
export const isViewRowKey = (rowKey: string): boolean =>
  rowKey.startsWith(receivedPrefix) || rowKey.startsWith(updatedPrefix) || rowKey.startsWith(searchPrefix);

/**
 * The partition of a view family for a queue partition (`assignee:<oid>` → `assignee:<oid>|received`,
 * `…|updated`, `…|q:da` for the search tokens starting with "da"): a view read is still one range query
 * of one partition per queue partition, while no partition holds more than one row per case — a queue's
 * views do not pile up in one hot partition (one per family and token start), and a write touches a
 * partition of the queue's size, not five times it.
 */
export const viewPartition = (queuePartition: string, family: 'received' | 'updated'): string => `${queuePartition}|${family}`;
export const searchPartition = (queuePartition: string, tokenOrTerm: string): string =>
  `${queuePartition}|q:${tokenOrTerm.slice(0, 2)}`;

/** A RowKey range: `from <= RowKey < to`. */
export interface KeyRange {
  from: string;
  to: string;
}

/** The RowKey range of a sort family. */
export function sortRange(sort: WorkQueueSort): KeyRange {
  switch (sort) {
    case 'deadline':
      return { from: '', to: deadlineFamilyEnd };
    case 'received':
      return { from: receivedPrefix, to: `${receivedPrefix}~` };
    case 'updated':
      return { from: updatedPrefix, to: `${updatedPrefix}~` };
  }
}

/**
 * The RowKey range of the search rows for one term: a prefix term covers every token starting with it,
 * an exact term only its own token. Tokens are [a-z0-9-] and the separator is '|' (0x7C), so '~' (0x7E)
 * after the term bounds the prefix.
 */
export function searchRange(term: SearchTerm): KeyRange {
  const from = `${searchPrefix}${term.text}`;
  return term.exact ? { from: `${from}|`, to: `${from}|~` } : { from, to: `${from}~` };
}

// ---------------------------------------------------------------------------------------------------
// Tokens

/** At most this many tokens per case (words past it are not searchable; titles are short). */
export const maxTokensPerCase = 16;
const maxTokenLength = 40;

/** Lowercase, diacritics folded (é → e, ĳ → ij), everything else but letters, digits and '-' turned to spaces. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9-]+/g, ' ');
}

/** A number's digits without leading zeros ("000123" → "123", "0" stays "0"). */
const withoutZeros = (digits: string): string => digits.replace(/^0+(?=\d)/, '');

/** A word of a title: letters/digits; numbers lose their leading zeros so "007" and "7" meet. */
function wordToken(word: string): string | null {
  if (/^\d+$/.test(word)) return withoutZeros(word).slice(0, maxTokenLength);
  if (word.length < 2) return null;
  return word.slice(0, maxTokenLength);
}

const caseNumberPattern = /^(?:([a-z][a-z0-9]*)-)?(\d{4})-(\d+)$/;

/**
 * The forms a case number is known by: `ZAAK-2026-000123` → `zaak-2026-123`, `2026-123`, `123` (the
 * sequence without leading zeros, so "000123" and "123" both find it). Null if it is not such a number.
 * Only the last (the sequence) is a search row; the longer forms are checked on the rows it reads.
 */
export function caseNumberTokens(number: string): string[] | null {
  const match = caseNumberPattern.exec(normalise(number).trim());
  if (!match) return null;
  const [, prefix, year, sequence] = match;
  const seq = withoutZeros(sequence ?? '');
  return [...(prefix ? [`${prefix}-${year}-${seq}`] : []), `${year}-${seq}`, seq];
}

/**
 * The search tokens of a case (pure, deterministic, at most maxTokensPerCase): its number's sequence
 * first, then each distinct word of the title in order (normalised; words of one letter are left out,
 * numbers lose leading zeros).
 */
export function searchTokens(title: string, number: string): string[] {
  const tokens = new Set<string>([caseNumberTokens(number)?.at(-1) ?? normalise(number).trim()].filter(Boolean));
  for (const word of normalise(title).split(/[\s-]+/)) {
    const token = wordToken(word);
    if (token) tokens.add(token);
  }
  return [...tokens].slice(0, maxTokensPerCase);
}

/** One term of a search: `exact` for numbers (a case number or a bare number), otherwise a word prefix. */
export interface SearchTerm {
  /** The token (or token prefix) looked up. */
  text: string;
  exact: boolean;
  /** A case number written with its year (`2026-123`, `zaak-2026-123`): one of the number's forms must equal it. */
  caseNumber?: string;
}

export interface SearchQuery {
  /** The term read through the index (a RowKey range); the most selective one. */
  indexTerm: SearchTerm;
  /** Every term; a row must match all of them (the others are checked on the rows read). */
  terms: SearchTerm[];
}

export const maxSearchTerms = 6;
export const maxSearchLength = 100;

/**
 * `q` as search terms, or the problems with it. Words match as prefixes ("dak" finds "Dakkapel");
 * numbers match exactly ("123", "000123", "2026-000123" and "ZAAK-2026-000123" find ZAAK-2026-000123,
 * but "12" does not). The index term is an exact term if there is one, else the longest word.
 */
export function parseSearch(q: string): { query: SearchQuery } | { problems: string[] } {
  if (q.length > maxSearchLength) return { problems: [`is longer than ${maxSearchLength} characters`] };
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  const add = (term: SearchTerm) => {
    const id = `${term.exact ? '=' : '^'}${term.text}#${term.caseNumber ?? ''}`;
    if (!seen.has(id)) terms.push(term);
    seen.add(id);
  };
  for (const raw of q.trim().split(/\s+/).filter(Boolean)) {
    const numberForms = caseNumberTokens(raw);
    if (numberForms) {
      add({ text: numberForms.at(-1) ?? '', exact: true, caseNumber: numberForms[0] ?? '' });
      continue;
    }
    for (const word of normalise(raw)
      .split(/[\s-]+/)
      .filter(Boolean)) {
      if (/^\d+$/.test(word)) add({ text: withoutZeros(word).slice(0, maxTokenLength), exact: true });
      else if (word.length >= 2) add({ text: word.slice(0, maxTokenLength), exact: false });
    }
  }
  if (terms.length === 0) return { problems: ['needs a word of at least 2 letters or a number'] };
  if (terms.length > maxSearchTerms) return { problems: [`has more than ${maxSearchTerms} terms`] };
  const rank = (term: SearchTerm) => (term.caseNumber ? 2 : term.exact ? 1 : 0);
  const indexTerm = terms.reduce((best, term) =>
    rank(term) > rank(best) || (rank(term) === rank(best) && term.text.length > best.text.length) ? term : best,
  );
  return { query: { indexTerm, terms } };
}

/** Whether a case's tokens (and number) satisfy a term: exact the token itself, else a token starting with it. */
export function termMatches(tokens: readonly string[], number: string, term: SearchTerm): boolean {
  if (term.caseNumber !== undefined && !(caseNumberTokens(number) ?? []).includes(term.caseNumber)) return false;
  return term.exact ? tokens.includes(term.text) : tokens.some((token) => token.startsWith(term.text));
}

/**
 * Whether a search row read through the index term is served: the case must match every term, and —
 * since a prefix can match several of a case's tokens, each with its own row — only its first matching
 * token's row is served, so a case appears once across all pages without remembering what was shown.
 */
export function servesSearchRow(rowKey: string, row: { title: string; number: string }, search: SearchQuery): boolean {
  const tokens = searchTokens(row.title, row.number);
  if (!search.terms.every((term) => termMatches(tokens, row.number, term))) return false;
  const { indexTerm } = search;
  const first = tokens
    .filter((token) => (indexTerm.exact ? token === indexTerm.text : token.startsWith(indexTerm.text)))
    .sort()[0];
  return first !== undefined && tokenOfSearchRowKey(rowKey) === first;
}
