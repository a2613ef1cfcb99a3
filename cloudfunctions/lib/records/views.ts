/**
 * Answers for records: the kind's own fields and the listed meta, never the stored document as it is;
 * parties' data masked unless the caller handles the case, and handler ids never leave the server.
 */
import { KINDS, type RecordKind } from '../../../src/domain/records/kinds';
import { maskCaseValue, maskParty, type PartyLike } from '../../../src/domain/masking';
import type { RecordView } from '../../../src/domain/api';
import type { Caller } from '../caller';
import type { RecordMeta } from '../records-meta';
import { isHandler } from './policy';
import type { ReviewState } from '../../../src/domain/supervision/review';

export type StoredRecord = RecordMeta & Record<string, unknown> & { handlerIds?: string[] };

export function recordView(kind: RecordKind, doc: StoredRecord, caller: Caller, orgName: string): RecordView {
  const def = KINDS[kind];
  const handler = !def.personal || isHandler(caller, doc);
  const view: Record<string, unknown> = {};
  const parties = partiesOf(doc);
  for (const field of def.fields) {
    if (doc[field] === undefined || (!handler && def.handlerOnly.includes(field))) continue;
    view[field] = handler ? doc[field] : maskedField(field, doc[field], parties);
  }
  return {
    ...view,
    kind,
    id: doc._id,
    orgCode: doc.orgCode,
    orgName,
    recordedBy: doc.recorderName,
    recordedAt: doc.recordedAt,
    updatedAt: doc.updatedAt,
    version: doc.version,
    deleted: doc.deleted === true,
    masked: !handler,
    ...(typeof doc.reviewState === 'string'
      ? { review: { state: doc.reviewState as ReviewState, reason: typeof doc.reviewReason === 'string' ? doc.reviewReason : null } }
      : {}),
  };
}

/** A field of a case as a non-handler sees it: the parties masked, in their fields and in every text. */
function maskedField(field: string, value: unknown, parties: readonly PartyLike[]): unknown {
  if (field === 'parties') return parties.map(maskParty);
  // Codes the system made (a unit code can be 15 digits, like an old ID number) say nothing of a party.
  if (field === 'id' || field === 'orgCode') return value;
  return maskCaseValue(value, parties);
}

/** The parties of a stored case, for masking. */
export const partiesOf = (doc: StoredRecord): PartyLike[] => (Array.isArray(doc.parties) ? (doc.parties as PartyLike[]) : []);

/** The kind's own fields of a stored record, for comparing content and writing history. */
export function contentOf(kind: RecordKind, doc: Record<string, unknown>): Record<string, unknown> {
  const content: Record<string, unknown> = { orgCode: doc.orgCode };
  for (const field of KINDS[kind].fields) if (doc[field] !== undefined) content[field] = doc[field];
  return content;
}

/** Same content: JSON of the fields in a fixed order, so key order and absent-vs-undefined don't matter. */
export function sameContent(kind: RecordKind, a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const canonical = (doc: Record<string, unknown>) => {
    const content = contentOf(kind, doc);
    return JSON.stringify(
      Object.keys(content)
        .sort()
        .map((key) => [key, content[key]]),
    );
  };
  return canonical(a) === canonical(b);
}
