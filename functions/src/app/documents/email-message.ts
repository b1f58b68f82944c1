import { simpleParser, type AddressObject, type EmailAddress as ParsedAddress } from 'mailparser';
import type { ProblemFieldError } from '../../contract/problem';
import type { EmailAddress, EmailSummary } from '../../domain/documents';
import { AppError } from '../errors';

/** An attachment as the message carries it: its name (null when the part names none), type and bytes. */
export interface EmailAttachment {
  name: string | null;
  mediaType: string;
  content: Buffer;
  /** Shown inside the message body (an image referenced by `cid:`, such as a signature logo), not attached for itself. */
  inline: boolean;
}

export interface ParsedEmail {
  summary: Omit<EmailSummary, 'attachments'>;
  attachments: EmailAttachment[];
}

/** 422: the body is not an e-mail message we can file (no From header with an address, …). */
export const emailMalformed = (errors: ProblemFieldError[]) =>
  new AppError(
    'rule-violation',
    'email.malformed',
    'The file is not an e-mail message (RFC 5322) that can be filed; see errors.',
    {
      errors,
    },
  );

/**
 * Parses an `.eml` (RFC 5322 / MIME) with mailparser's simpleParser: subject (encoded words decoded),
 * From/To/Cc, Date, Message-ID and the attachments with their bytes. The parser accepts nearly any text,
 * so a message without a From address — which RFC 5322 requires — is refused as not an e-mail.
 */
export async function parseEmail(bytes: Buffer): Promise<ParsedEmail> {
  let mail;
  try {
    mail = await simpleParser(bytes, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
    });
  } catch {
    throw emailMalformed([{ path: 'body', code: 'email.unreadable', message: 'The message could not be read as MIME.' }]);
  }
  const from = addressesOf(mail.from);
  if (from.length === 0)
    throw emailMalformed([
      { path: 'body', code: 'email.from-missing', message: 'The message has no From header with an address.' },
    ]);
  const subject = mail.subject?.trim() ?? '';
  return {
    summary: {
      subject: subject === '' ? null : subject.slice(0, 998),
      from,
      to: addressesOf(mail.to),
      cc: addressesOf(mail.cc),
      date: dateOf(mail.headerLines),
      messageId: mail.messageId?.slice(0, 998) ?? null,
    },
    attachments: mail.attachments.map((attachment) => ({
      name: attachment.filename?.trim() || null,
      mediaType: attachment.contentType.toLowerCase(),
      content: attachment.content,
      inline: attachment.related === true && attachment.contentDisposition !== 'attachment',
    })),
  };
}

/** Every mailbox of one or more address headers, groups flattened; entries without an address left out. */
function addressesOf(header: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const flat = (list: ParsedAddress[]): EmailAddress[] =>
    list.flatMap((entry) =>
      entry.group ? flat(entry.group) : entry.address ? [{ name: entry.name ?? '', address: entry.address.toLowerCase() }] : [],
    );
  if (!header) return [];
  return (Array.isArray(header) ? header : [header]).flatMap((h) => flat(h.value));
}

/** The Date header as an ISO instant; null when absent or unreadable (mailparser would give "now"). */
function dateOf(lines: ReadonlyArray<{ key: string; line: string }>): string | null {
  const line = lines.find((l) => l.key === 'date')?.line;
  if (!line) return null;
  const value = line
    .slice(line.indexOf(':') + 1)
    .replace(/\s+/g, ' ')
    .trim();
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
