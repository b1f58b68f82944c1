import { documentSummary } from './document-summary';

const added = (document: Record<string, unknown>) => documentSummary('document.added', 'Sanne de Vries', { document } as never);
const email = (overrides: Record<string, unknown>) => ({
  title: 'Aanvulling',
  version: '1.0',
  sha256: 'ab'.repeat(32),
  source: 'email',
  email: { subject: 'Aanvulling', from: 'x@y.nl', attachments: 2, filedAttachments: 0, ...overrides },
});

describe('timeline lines of filed e-mails', () => {
  it('names subject, sender and the number of attachments, in Dutch and English', () => {
    expect(added(email({}))).toEqual({
      nl: 'E-mail "Aanvulling" van x@y.nl opgeslagen door Sanne de Vries, met 2 bijlagen',
      en: 'E-mail "Aanvulling" from x@y.nl filed by Sanne de Vries, with 2 attachments',
    });
    expect(added(email({ attachments: 1, filedAttachments: 1 }))).toEqual({
      nl: 'E-mail "Aanvulling" van x@y.nl opgeslagen door Sanne de Vries, met 1 bijlage, als eigen document',
      en: 'E-mail "Aanvulling" from x@y.nl filed by Sanne de Vries, with 1 attachment, filed as a document',
    });
    expect(added(email({ attachments: 3, filedAttachments: 2 })).nl).toBe(
      'E-mail "Aanvulling" van x@y.nl opgeslagen door Sanne de Vries, met 3 bijlagen, waarvan 2 als eigen document',
    );
    expect(added(email({ subject: null, from: null, attachments: 0 }))).toEqual({
      nl: 'E-mail (zonder onderwerp) opgeslagen door Sanne de Vries, zonder bijlagen',
      en: 'E-mail (no subject) filed by Sanne de Vries, without attachments',
    });
  });

  it('keeps the usual line for other documents and names an attachment filed from an e-mail', () => {
    expect(added({ title: 'Aanvraag', version: '1.0', sha256: 'cd'.repeat(32), source: 'upload' }).nl).toBe(
      'Sanne de Vries heeft document "Aanvraag" toegevoegd, versie 1.0 (SHA-256 cdcdcdcdcdcd…)',
    );
    expect(added({ title: 'tekening', version: '1.0', sha256: 'ef'.repeat(32), source: 'email-attachment' }).en).toBe(
      'Sanne de Vries added attachment "tekening" of an e-mail as a document, version 1.0 (SHA-256 efefefefefef…)',
    );
  });
});

describe('timeline lines of versions made in SharePoint', () => {
  it('name who made the version and when (Europe/Amsterdam), and its hash', () => {
    const line = documentSummary('document.version-synced', 'Zaakwerk documentsynchronisatie', {
      document: {
        title: 'advies',
        version: '2.0',
        sha256: '12'.repeat(32),
        createdBy: { id: 'u-daan', name: 'Daan Bakker' },
        createdAt: '2026-03-04T16:00:00.000Z',
      },
    } as never);
    expect(line).toEqual({
      nl: 'Versie 2.0 van document "advies", in SharePoint gemaakt door Daan Bakker op 4 maart 2026 om 17:00, vastgelegd (SHA-256 121212121212…)',
      en: 'Version 2.0 of document "advies", made in SharePoint by Daan Bakker on 4 March 2026 at 17:00, recorded (SHA-256 121212121212…)',
    });
    const summer = documentSummary('document.version-synced', 'x', {
      document: {
        title: 'a',
        version: '3.0',
        sha256: '',
        createdBy: { name: 'Daan Bakker' },
        createdAt: '2026-07-01T22:30:00.000Z',
      },
    } as never);
    expect(summer.nl).toContain('op 2 juli 2026 om 00:30');
  });
});
