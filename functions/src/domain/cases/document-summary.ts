import type { JsonValue } from '../events';
import { type Json, enMonths, isObject, nlMonths, text } from '../events/summary-text';

/** Timeline lines of document events, in Dutch and English; the hash prefix lets a reader match versions. */
export function documentSummary(type: string, who: string, after: Json): { nl: string; en: string } {
  const document = isObject(after.document) ? after.document : {};
  const title = text(document.title);
  const version = text(document.version);
  const hash = text(document.sha256).slice(0, 12);
  if (type === 'document.version-restored') {
    const from = text(document.restoredFrom);
    return {
      nl: `${who} heeft versie ${from} van document "${title}" teruggezet als versie ${version} (SHA-256 ${hash}…)`,
      en: `${who} restored version ${from} of document "${title}" as version ${version} (SHA-256 ${hash}…)`,
    };
  }
  const share = isObject(after.share) ? after.share : {};
  if (type === 'document.shared') {
    const edit = share.access === 'edit';
    const until = text(share.expiresOn);
    return {
      nl: `${who} heeft document "${title}" gedeeld met ${text(share.email)} (${edit ? 'bewerken' : 'lezen'}, tot en met ${until})`,
      en: `${who} shared document "${title}" with ${text(share.email)} (${edit ? 'edit' : 'view'}, until ${until})`,
    };
  }
  if (type === 'document.share-revoked')
    return {
      nl: `${who} heeft het delen van document "${title}" met ${text(share.email)} ingetrokken`,
      en: `${who} revoked the share of document "${title}" with ${text(share.email)}`,
    };
  if (type === 'document.checked-out')
    return { nl: `${who} heeft document "${title}" uitgecheckt`, en: `${who} checked out document "${title}"` };
  if (type === 'document.checked-in')
    return { nl: `${who} heeft document "${title}" ingecheckt`, en: `${who} checked in document "${title}"` };
  if (type === 'document.version-synced') {
    const by = isObject(document.createdBy) ? text(document.createdBy.name) : '?';
    const at = amsterdamMoment(document.createdAt);
    return {
      nl: `Versie ${version} van document "${title}", in SharePoint gemaakt door ${by}${at ? ` op ${at.nl}` : ''}, vastgelegd (SHA-256 ${hash}…)`,
      en: `Version ${version} of document "${title}", made in SharePoint by ${by}${at ? ` on ${at.en}` : ''}, recorded (SHA-256 ${hash}…)`,
    };
  }
  if (type === 'document.version-added') {
    return {
      nl: `${who} heeft versie ${version} van document "${title}" toegevoegd (SHA-256 ${hash}…)`,
      en: `${who} added version ${version} of document "${title}" (SHA-256 ${hash}…)`,
    };
  }
  if (document.source === 'generated')
    return {
      nl: `${who} heeft document "${title}" gemaakt uit het sjabloon, versie ${version} (SHA-256 ${hash}…)`,
      en: `${who} generated document "${title}" from its template, version ${version} (SHA-256 ${hash}…)`,
    };
  if (type === 'document.added' && document.source === 'email' && isObject(document.email))
    return emailSummary(who, document.email);
  if (type === 'document.added' && document.source === 'email-attachment')
    return {
      nl: `${who} heeft bijlage "${title}" van een e-mail als document toegevoegd, versie ${version} (SHA-256 ${hash}…)`,
      en: `${who} added attachment "${title}" of an e-mail as a document, version ${version} (SHA-256 ${hash}…)`,
    };
  return {
    nl: `${who} heeft document "${title}" toegevoegd, versie ${version} (SHA-256 ${hash}…)`,
    en: `${who} added document "${title}", version ${version} (SHA-256 ${hash}…)`,
  };
}

/** `E-mail "Aanvulling" van x@y.nl opgeslagen door Sanne de Vries, met 2 bijlagen` (and in English). */
function emailSummary(who: string, email: Json): { nl: string; en: string } {
  const subject = typeof email.subject === 'string' && email.subject.trim() ? email.subject : null;
  const [nlSubject, enSubject] = subject ? [`"${subject}"`, `"${subject}"`] : ['(zonder onderwerp)', '(no subject)'];
  const from = typeof email.from === 'string' ? email.from : null;
  const count = typeof email.attachments === 'number' ? email.attachments : 0;
  const filed = typeof email.filedAttachments === 'number' ? email.filedAttachments : 0;
  const nlCount = count === 0 ? 'zonder bijlagen' : count === 1 ? 'met 1 bijlage' : `met ${count} bijlagen`;
  const enCount = count === 0 ? 'without attachments' : count === 1 ? 'with 1 attachment' : `with ${count} attachments`;
  const nlAll = count === 1 ? ', als eigen document' : ', elk als eigen document';
  const enAll = count === 1 ? ', filed as a document' : ', each filed as a document';
  const nlFiled = filed === 0 ? '' : filed === count ? nlAll : `, waarvan ${filed} als eigen document`;
  const enFiled = filed === 0 ? '' : filed === count ? enAll : `, ${filed} of them filed as documents`;
  return {
    nl: `E-mail ${nlSubject}${from ? ` van ${from}` : ''} opgeslagen door ${who}, ${nlCount}${nlFiled}`,
    en: `E-mail ${enSubject}${from ? ` from ${from}` : ''} filed by ${who}, ${enCount}${enFiled}`,
  };
}

const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as people in the Netherlands read it: "4 maart 2026 om 17:00" / "4 March 2026 at 17:00". */
function amsterdamMoment(value: JsonValue | undefined): { nl: string; en: string } | null {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) return null;
  const part = (type: string) => amsterdamParts.formatToParts(new Date(time)).find((p) => p.type === type)?.value ?? '?';
  const [day, month, year, clock] = [
    Number(part('day')),
    Number(part('month')),
    part('year'),
    `${part('hour')}:${part('minute')}`,
  ];
  return {
    nl: `${day} ${nlMonths[month - 1] ?? '?'} ${year} om ${clock}`,
    en: `${day} ${enMonths[month - 1] ?? '?'} ${year} at ${clock}`,
  };
}
