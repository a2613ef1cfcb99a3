/**
 * 我的待办: the open mediation cases and petition matters in the caller's scope, oldest first, with the
 * derived deadline marks. Summaries name the kind of matter; the parties' names come apart, in full
 * only for the case's handlers (two cards of the same kind are told apart by them).
 */
import type { TodoItem } from '../../../src/domain/api';
import { beijingDate } from '../../../src/domain/dates';
import { deadlineMark } from '../../../src/domain/records/workflow';
import type { PetitionState } from '../../../src/domain/vocab';
import type { Database } from '../cloudbase';
import type { Caller } from '../caller';
import { requireRole } from '../authz';
import { TODO_ROLES } from '../../../src/domain/records/roles';
import { KINDS } from '../../../src/domain/records/kinds';
import { orgNames } from '../orgs';
import { partiesOf, type StoredRecord } from './views';
import { isHandler } from './policy';
import { maskName, maskText } from '../../../src/domain/masking';

/** The parties' names: in full for the case's handlers, masked for anyone else. */
function partyNames(caller: Caller, doc: StoredRecord): string[] {
  const handler = isHandler(caller, doc);
  return partiesOf(doc).map((p) => (handler ? p.name : maskName(p.name)));
}

const MAX_ITEMS = 500;

export async function todoList(db: Database, caller: Caller, now: Date): Promise<TodoItem[]> {
  requireRole(caller, TODO_ROLES);
  const _ = db.command;
  const today = beijingDate(now);
  const scope = { orgPath: caller.org.code, deleted: _.neq(true) };
  const [disputes, petitions] = await Promise.all([
    db
      .collection('disputes')
      .where({ ...scope, state: _.in([...KINDS.dispute.openStates]) })
      .orderBy('acceptDate', 'asc')
      .limit(MAX_ITEMS)
      .get(),
    db
      .collection('petitions')
      .where({ ...scope, state: _.in([...KINDS.petition.openStates]) })
      .orderBy('dueDate', 'asc')
      .limit(MAX_ITEMS)
      .get(),
  ]);
  const disputeDocs = disputes.data as StoredRecord[];
  const petitionDocs = petitions.data as StoredRecord[];
  const names = await orgNames(
    db,
    [...disputeDocs, ...petitionDocs].map((doc) => doc.orgCode),
  );
  const nameOf = (doc: StoredRecord) => names.get(doc.orgCode) ?? doc.orgCode;
  const items: TodoItem[] = [
    ...petitionDocs.map((doc) => ({
      kind: 'petition' as const,
      id: doc._id,
      orgName: nameOf(doc),
      state: String(doc.state),
      since: String(doc.registerDate),
      dueDate: String(doc.dueDate),
      mark: deadlineMark(doc.state as PetitionState, String(doc.dueDate), today),
      summary: `信访事项（${String(doc.channel)}${doc.category ? `·${categoryFor(caller, doc)}` : ''}）`,
      parties: partyNames(caller, doc),
      version: doc.version,
    })),
    ...disputeDocs.map((doc) => ({
      kind: 'dispute' as const,
      id: doc._id,
      orgName: nameOf(doc),
      state: String(doc.state),
      since: String(doc.acceptDate),
      mark: null,
      summary: `${String(doc.disputeType)}纠纷（${String(doc.source)}）`,
      parties: partyNames(caller, doc),
      version: doc.version,
    })),
  ];
  // Overdue first, then due soon, then the rest; oldest first within each.
  const rank = (item: TodoItem) => (item.mark === 'overdue' ? 0 : item.mark === 'dueSoon' ? 1 : 2);
  return items.sort((a, b) => rank(a) - rank(b) || a.since.localeCompare(b.since));
}

/** A petition's 事项类别 often names its party: masked in the title for those who do not handle it. */
function categoryFor(caller: Caller, doc: StoredRecord): string {
  const category = String(doc.category);
  return isHandler(caller, doc) ? category : maskText(category, partiesOf(doc));
}
