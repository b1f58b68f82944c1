import type { Confidentiality } from '../confidentiality';

/**
 * Where a document came from (issue 7): uploaded, filed from e-mail, generated, from the portal or a Teams
 * message; `email-attachment`: an attachment of a filed e-mail, filed as its own document.
 */
export const documentSources = ['upload', 'email', 'generated', 'portal', 'teams', 'email-attachment'] as const;
export type DocumentSource = (typeof documentSources)[number];

type Person = { id: string; name: string };

/**
 * One version of a document's content as the case recorded it: the SharePoint version id (`1.0`,
 * `2.0`, …) and the SHA-256 of exactly those bytes, computed by Zaakwerk while they passed through.
 */
export type DocumentVersion = {
  id: string;
  sha256: string;
  size: number;
  createdAt: string;
  createdBy: Person;
  /** Set when this version restored an older one: that version's id. */
  restoredFrom: string | null;
};

/** A share of one document with a named person (a partner's e-mail address or a colleague), until it expires. */
export type DocumentShare = {
  /** The SharePoint permission id. */
  id: string;
  email: string;
  access: 'view' | 'edit';
  /** The last day (Europe/Amsterdam) the share is valid. */
  expiresOn: string;
  external: boolean;
  createdBy: Person;
  createdAt: string;
  revokedBy: Person | null;
  revokedAt: string | null;
};

/** A mailbox as an e-mail names it; `name` is '' when the header gave none. */
export type EmailAddress = { name: string; address: string };

/** What a filed e-mail says about itself (parsed from the `.eml` when it was filed). */
export type EmailSummary = {
  subject: string | null;
  from: EmailAddress[];
  to: EmailAddress[];
  cc: EmailAddress[];
  /** The Date header as an ISO instant; null when absent or unreadable. */
  date: string | null;
  messageId: string | null;
  /**
   * Every attachment of the message; `documentId` names the document it was filed as (null: not filed).
   * `inline`: an image shown in the body (a `cid:` part, e.g. a signature logo), not an attachment a reader sees.
   */
  attachments: { name: string; mediaType: string; size: number; documentId: string | null; inline?: true }[];
};

/**
 * The case's record of a file in its SharePoint folder (the bytes live in SharePoint). A `type` alias so
 * it stays assignable to JsonValue inside CaseState.
 */
export type CaseDocument = {
  id: string;
  /** The drive item in the document library. */
  itemId: string;
  title: string;
  /** The name in SharePoint: sanitised and, when the name was taken, renamed (`brief 1.pdf`). */
  fileName: string;
  /** The name the uploader's file had, kept as metadata. */
  originalName: string;
  documentType: { key: string; name: string };
  confidentiality: Confidentiality;
  author: Person;
  source: DocumentSource;
  mediaType: string;
  /** Size of the current version in bytes. */
  size: number;
  currentVersion: string;
  /** Oldest first; the last one is the current version. */
  versions: DocumentVersion[];
  webUrl: string;
  /** Set while someone has the file checked out through Zaakwerk (SharePoint locks it for others). */
  checkedOut?: { by: Person; at: string } | null;
  /** Shares with partners and colleagues, revoked ones included (the record of who could see it). */
  shares?: DocumentShare[];
  /** A document of source `email`: what the message says (subject, addresses, date, attachments). */
  email?: EmailSummary;
  /** A document of source `email-attachment`: the e-mail document it came with. */
  emailDocumentId?: string;
  createdAt: string;
  updatedAt: string;
};
