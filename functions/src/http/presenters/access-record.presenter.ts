import type { AccessRecordList, AccessRecordView } from '../../contract/access-log';
import type { AccessRecord, AccessRecordPage } from '../../ports/access-log';

/** A stored access record as the contract shows it; the parties are kept for the report, not shown. */
export function presentAccessRecord(record: AccessRecord): AccessRecordView {
  return {
    id: record.id,
    at: record.at,
    case: { id: record.caseId, number: record.caseNumber, caseType: record.caseTypeKey, confidentiality: record.confidentiality },
    user: record.user,
    via: record.via,
    channel: record.channel,
    purpose: record.purpose,
  };
}

export const presentAccessRecordList = (page: AccessRecordPage): AccessRecordList => ({
  items: page.records.map(presentAccessRecord),
  nextCursor: page.nextCursor,
});
