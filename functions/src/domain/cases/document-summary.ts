import { type Json, isObject, text } from '../events/summary-text';

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
    return {
      nl: `Versie ${version} van document "${title}", in SharePoint gemaakt door ${by}, vastgelegd (SHA-256 ${hash}…)`,
      en: `Version ${version} of document "${title}", made in SharePoint by ${by}, recorded (SHA-256 ${hash}…)`,
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
  return {
    nl: `${who} heeft document "${title}" toegevoegd, versie ${version} (SHA-256 ${hash}…)`,
    en: `${who} added document "${title}", version ${version} (SHA-256 ${hash}…)`,
  };
}
