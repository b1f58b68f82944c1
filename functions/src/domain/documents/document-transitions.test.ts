import type { CaseState } from '../cases/case-state';
import type { ChangeStamp } from '../cases/case-transitions';
import { renderTimelineEntry } from '../cases/timeline';
import type { CaseEvent } from '../events';
import type { CaseDocument, DocumentVersion } from './case-document';
import { addDocument, addVersion, checkRecordRoom, maxCaseStateChars, recordRestoredVersion } from './document-transitions';

const sanne = { id: 'u-1', name: 'Sanne de Vries' };
const stamp = (occurredAt: string): ChangeStamp => ({
  occurredAt,
  actor: { ...sanne, kind: 'user' },
  channel: 'api',
});

const aCase = (documents?: CaseDocument[]): CaseState =>
  ({
    id: 'c-1',
    number: 'OMG-2026-000001',
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...(documents ? { documents } : {}),
  }) as CaseState;

const version = (id: string, sha: string, restoredFrom: string | null = null): DocumentVersion => ({
  id,
  sha256: sha.repeat(64),
  size: 10,
  createdAt: '2026-03-02T00:00:00.000Z',
  createdBy: sanne,
  restoredFrom,
});

const aDocument = (): CaseDocument => ({
  id: 'd-1',
  itemId: '01ITEM',
  title: 'Aanvraag',
  fileName: 'aanvraag.pdf',
  originalName: 'aanvraag.pdf',
  documentType: { key: 'aanvraag', name: 'Aanvraagformulier' },
  confidentiality: 'intern',
  author: sanne,
  source: 'upload',
  mediaType: 'application/pdf',
  size: 10,
  currentVersion: '1.0',
  versions: [version('1.0', 'a')],
  webUrl: 'https://example/aanvraag.pdf',
  createdAt: '2026-03-02T00:00:00.000Z',
  updatedAt: '2026-03-02T00:00:00.000Z',
});

const asEvent = (draft: ReturnType<typeof addDocument>['events'][number]): CaseEvent => ({
  ...draft,
  caseId: 'c-1',
  sequence: 2,
  previousHash: '0'.repeat(64),
  hash: '1'.repeat(64),
});

describe('document transitions', () => {
  it('adds a document to a case that had none, with a document.added event carrying its hash', () => {
    const { state, events } = addDocument(aCase(), aDocument(), stamp('2026-03-02T10:00:00.000Z'));
    expect(state.documents?.map((d) => d.id)).toEqual(['d-1']);
    expect(state.updatedAt).toBe('2026-03-02T10:00:00.000Z');
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe('document.added');
    expect(events[0]?.data.after).toMatchObject({ document: { id: 'd-1', version: '1.0', sha256: 'a'.repeat(64) } });
    expect(renderTimelineEntry(asEvent(events[0]!)).summary).toEqual({
      nl: 'Sanne de Vries heeft document "Aanvraag" toegevoegd, versie 1.0 (SHA-256 aaaaaaaaaaaa…)',
      en: 'Sanne de Vries added document "Aanvraag", version 1.0 (SHA-256 aaaaaaaaaaaa…)',
    });
  });

  it('records a restored version as the new current version and keeps the history', () => {
    const restored = version('3.0', 'a', '1.0');
    const { state, events } = recordRestoredVersion(aCase([aDocument()]), 'd-1', restored, stamp('2026-03-03T10:00:00.000Z'));
    const document = state.documents?.[0];
    expect(document?.currentVersion).toBe('3.0');
    expect(document?.versions.map((v) => v.id)).toEqual(['1.0', '3.0']);
    expect(events[0]?.data.before).toEqual({ document: { id: 'd-1', version: '1.0' } });
    expect(renderTimelineEntry(asEvent(events[0]!)).summary.en).toBe(
      'Sanne de Vries restored version 1.0 of document "Aanvraag" as version 3.0 (SHA-256 aaaaaaaaaaaa…)',
    );
  });

  it('adds an uploaded version as current, with a document.version-added line naming the version', () => {
    const { state, events } = addVersion(aCase([aDocument()]), 'd-1', version('2.0', 'c'), stamp('2026-03-03T09:00:00.000Z'));
    expect(state.documents?.[0]?.currentVersion).toBe('2.0');
    expect(events[0]?.type).toBe('document.version-added');
    expect(renderTimelineEntry(asEvent(events[0]!)).summary.nl).toBe(
      'Sanne de Vries heeft versie 2.0 van document "Aanvraag" toegevoegd (SHA-256 cccccccccccc…)',
    );
  });

  it('refuses to restore on a document the case does not have', () => {
    expect(() => recordRestoredVersion(aCase([]), 'd-9', version('2.0', 'b'), stamp('2026-03-03T10:00:00.000Z'))).toThrow(
      expect.objectContaining({ code: 'document.not-found' }),
    );
  });

  it('refuses more record once the case state would pass its size budget', () => {
    expect(() => checkRecordRoom(aCase([aDocument()]), 1000)).not.toThrow();
    expect(() => checkRecordRoom(aCase([aDocument()]), maxCaseStateChars)).toThrow(
      expect.objectContaining({ code: 'case.document-records-full', kind: 'rule-violation' }),
    );
  });
});
