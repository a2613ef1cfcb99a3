/**
 * The outbox: a record is saved on the phone first, then sent — photos uploaded before the record,
 * records sent oldest first, a batch of them per call, each record's failure judged by decide(). Everything it
 * touches is handed in (storage, the send and upload calls, the clock), so tests run it with the
 * in-memory store and fakes. It never drops a record: only the person discards one.
 */
import { describeError, endsRound } from './decide';
import { afterFailure, afterSuccess, byQueueOrder, countsOf, dueBatch, nextWake, staleSent, upsert, type OutboxCounts } from './queue';
import type { OutboxRepo, Usage } from './repo';
import type { NewEntry, OutboxEntry, OutboxError, OutboxPhoto } from './types';
import { MAX_BATCH_WRITES } from '../../domain/contract/records';
import type { FormKind } from '../../domain/forms/roles';
import type { ErrorCode } from '../../domain/errors';

export interface OutboxDeps {
  repo: OutboxRepo;
  /**
   * Creates or updates the records in one call, in order (at most MAX_BATCH_WRITES): per record the
   * server's version, or the error its write was refused with. Throws when the call itself fails.
   */
  send(entries: OutboxEntry[]): Promise<SendAnswer[]>;
  /** Uploads one kept photo to `cloudPath`; answers its fileID. */
  upload(photo: OutboxPhoto, cloudPath: string): Promise<string>;
  /** Deletes a kept photo file once its record is sent or discarded (best effort). */
  forgetPhoto(local: string): Promise<void>;
  /** Whose records are sent now (the dev identity in the browser build; null on the phone). */
  owner(): string | null;
  now(): number;
  /** False when the platform knows there is no network: nothing is tried then. */
  online?(): boolean;
  batchSize?: number;
}

export interface FlushResult {
  sent: number;
  kept: number;
  retrying: number;
}

export type Listener = () => void;

/** One record's answer in a send: its version on the server, or why it was refused. */
export type SendAnswer = { version?: number } | { error: unknown };

type Outcome = 'sent' | 'kept' | 'retrying';

/** Records per call: as many as the records function takes in one batch. */
export const DEFAULT_BATCH = MAX_BATCH_WRITES;

/** The error code of a record the township returned in review (its message is the reason). */
export const RETURNED = 'RETURNED' satisfies ErrorCode;

export interface ReturnedEntry {
  kind: FormKind;
  id: string;
  version: number;
  record: Record<string, unknown>;
  message: string;
}

/** Where a record's photos go in cloud storage: fixed per record and position, so a re-upload overwrites. */
export const photoPath = (entry: Pick<OutboxEntry, 'kind' | 'id'>, index: number): string => `photos/${entry.kind}/${entry.id}/${index + 1}.jpg`;

export class Outbox {
  private flushing: Promise<FlushResult> | undefined;
  private again = false;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly deps: OutboxDeps) {}

  /** Saves a record to send (de-duplicated by its client id). Throws OutboxStorageError when it cannot be kept. */
  add(incoming: NewEntry): OutboxEntry {
    const { repo } = this.deps;
    const id = String(incoming.record.id);
    const entry = upsert(repo.get(id), incoming, this.deps.owner(), this.deps.now(), repo.nextSeq());
    this.prune();
    repo.save(entry);
    this.emit();
    return entry;
  }

  /** This person's records, oldest first. */
  list(): OutboxEntry[] {
    const owner = this.deps.owner();
    return this.deps.repo
      .load()
      .filter((e) => e.owner === owner)
      .sort(byQueueOrder);
  }

  get(id: string): OutboxEntry | undefined {
    const entry = this.deps.repo.get(id);
    return entry && entry.owner === this.deps.owner() ? entry : undefined;
  }

  counts(): OutboxCounts {
    return countsOf(this.deps.repo.load(), this.deps.owner());
  }

  usage(): Usage {
    return this.deps.repo.usage();
  }

  /** When a pending record is next due, for the app's timer. */
  nextWakeAt(): number | undefined {
    return nextWake(this.deps.repo.load(), this.deps.owner());
  }

  /** The person gives up on a record: it and its kept photos are removed. */
  async discard(id: string): Promise<void> {
    const entry = this.get(id);
    if (!entry) return;
    this.deps.repo.remove(id);
    this.emit();
    await Promise.all(entry.photos.map((p) => this.deps.forgetPhoto(p.local).catch(() => undefined)));
  }

  /**
   * A record the township returned (退回) in review: kept as 需处理 with the reason, to fix and send as
   * an edit of the returned version. One the person is already fixing or sending is left alone.
   */
  holdReturned(returned: ReturnedEntry): void {
    const { repo } = this.deps;
    const existing = this.get(returned.id);
    if (existing && (existing.status !== 'sent' || (existing.version ?? 0) > returned.version)) return;
    const photos = Array.isArray(returned.record.photos) ? (returned.record.photos as string[]).map((fileID) => ({ local: fileID, fileID })) : [];
    const entry = upsert(
      existing,
      { kind: returned.kind, action: 'update', baseVersion: returned.version, record: returned.record, photos },
      this.deps.owner(),
      this.deps.now(),
      repo.nextSeq(),
    );
    repo.save({ ...entry, status: 'failed', version: returned.version, error: { code: RETURNED, message: returned.message, problems: [] } });
    this.emit();
  }

  /** 需处理 back to 待发送 (e.g. after a permission was restored), to be tried at once. */
  retry(id: string): void {
    const entry = this.get(id);
    if (!entry || entry.status === 'sent') return;
    this.deps.repo.save({ ...entry, status: 'pending', attempts: 0, nextAttemptAt: this.deps.now(), updatedAt: this.deps.now() });
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sends what is due, batch after batch, until nothing is due or the network fails. One flush at a
   * time: a call during a flush runs once more after it (a record saved meanwhile is not left behind).
   * `ignoreBackoff` when the network just came back or the app was shown.
   */
  flush(options: { ignoreBackoff?: boolean } = {}): Promise<FlushResult> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      const total: FlushResult = { sent: 0, kept: 0, retrying: 0 };
      let ignoreBackoff = options.ignoreBackoff ?? false;
      do {
        this.again = false;
        const round = await this.sendDue(ignoreBackoff);
        total.sent += round.sent;
        total.kept += round.kept;
        total.retrying += round.retrying;
        if (round.retrying > 0) break;
        ignoreBackoff = false;
      } while (this.again);
      return total;
    })().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async sendDue(ignoreBackoff: boolean): Promise<FlushResult> {
    const result: FlushResult = { sent: 0, kept: 0, retrying: 0 };
    const size = Math.min(this.deps.batchSize ?? DEFAULT_BATCH, MAX_BATCH_WRITES);
    const tried = new Set<string>();
    for (;;) {
      if (this.deps.online && !this.deps.online()) return result;
      const batch = dueBatch(this.deps.repo.load(), this.deps.owner(), this.deps.now(), size + tried.size, ignoreBackoff)
        .filter((e) => !tried.has(e.id))
        .slice(0, size);
      if (batch.length === 0) return result;
      for (const entry of batch) tried.add(entry.id);
      const { outcomes, stop } = await this.sendBatch(batch);
      for (const outcome of outcomes) result[outcome]++;
      this.emit();
      if (stop) return result;
    }
  }

  /**
   * One call for the batch: each record's photos uploaded first, then the records that are ready sent
   * together, each judged by its own answer. A network failure ends the round: records behind it wait.
   */
  private async sendBatch(batch: OutboxEntry[]): Promise<{ outcomes: Outcome[]; stop: boolean }> {
    const outcomes: Outcome[] = [];
    const ready: Array<{ queued: OutboxEntry; entry: OutboxEntry }> = [];
    let stop = false;
    for (const queued of batch) {
      try {
        ready.push({ queued, entry: await this.uploadPhotos(queued) });
      } catch (thrown) {
        const failed = this.afterSendFailure(queued, queued, describeError(thrown));
        outcomes.push(failed.outcome);
        if (failed.stop) {
          stop = true;
          break;
        }
      }
    }
    if (ready.length === 0) return { outcomes, stop };
    const sent = ready.map(({ entry }) => ({ ...entry, record: recordToSend(entry) }));
    let answers: SendAnswer[];
    try {
      answers = await this.deps.send(sent);
    } catch (thrown) {
      answers = sent.map(() => ({ error: thrown }));
    }
    for (let i = 0; i < ready.length; i++) {
      const answer = answers[i] ?? { error: undefined };
      const { queued, entry } = ready[i];
      if ('error' in answer) {
        const failed = this.afterSendFailure(queued, entry, describeError(answer.error));
        outcomes.push(failed.outcome);
        stop ||= failed.stop;
      } else {
        outcomes.push(await this.afterSent(queued, sent[i], answer.version));
      }
    }
    return { outcomes, stop };
  }

  /** Photos first; each fileID is saved as soon as it exists, so an upload is never repeated. */
  private async uploadPhotos(queued: OutboxEntry): Promise<OutboxEntry> {
    let entry = queued;
    for (let i = 0; i < entry.photos.length; i++) {
      if (entry.photos[i].fileID) continue;
      const fileID = await this.deps.upload(entry.photos[i], photoPath(entry, i));
      const photos = entry.photos.map((p, j) => (j === i ? { ...p, fileID } : p));
      entry = { ...entry, photos };
      this.saveIfStillQueued(entry, queued);
    }
    return entry;
  }

  private async afterSent(queued: OutboxEntry, entry: OutboxEntry, version: number | undefined): Promise<Outcome> {
    const { repo } = this.deps;
    const current = repo.get(entry.id);
    // Saved again while it was on its way: the newer version still has to go (as an edit).
    if (current && current.updatedAt !== queued.updatedAt) {
      repo.save({ ...current, action: 'update', baseVersion: version ?? current.baseVersion, photos: mergeFileIds(current.photos, entry.photos) });
      return 'sent';
    }
    repo.save(afterSuccess(entry, version, this.deps.now()));
    await Promise.all(entry.photos.map((p) => this.deps.forgetPhoto(p.local).catch(() => undefined)));
    return 'sent';
  }

  private afterSendFailure(queued: OutboxEntry, entry: OutboxEntry, error: OutboxError): { outcome: Outcome; stop: boolean } {
    const { repo } = this.deps;
    const current = repo.get(entry.id);
    // Discarded by the person meanwhile: nothing to keep.
    if (!current) return { outcome: 'kept', stop: false };
    // Saved again meanwhile: the new version is judged on its own next time.
    if (current.updatedAt !== queued.updatedAt) {
      repo.save({ ...current, photos: mergeFileIds(current.photos, entry.photos) });
      return { outcome: 'retrying', stop: endsRound(error) };
    }
    const next = afterFailure({ ...current, photos: mergeFileIds(current.photos, entry.photos) }, error, this.deps.now());
    repo.save(next);
    return { outcome: next.status === 'failed' ? 'kept' : 'retrying', stop: endsRound(error) };
  }

  private saveIfStillQueued(entry: OutboxEntry, queued: OutboxEntry): void {
    const current = this.deps.repo.get(entry.id);
    if (current && current.updatedAt === queued.updatedAt) this.deps.repo.save(entry);
  }

  private prune(): void {
    for (const stale of staleSent(this.deps.repo.load(), this.deps.now())) this.deps.repo.remove(stale.id);
  }

  private emit(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // A view's listener must not stop the sending.
      }
    }
  }
}

/** The record as it goes: with the fileIDs of its uploaded photos. */
function recordToSend(entry: OutboxEntry): Record<string, unknown> {
  return entry.photos.length ? { ...entry.record, photos: entry.photos.map((p) => p.fileID as string) } : entry.record;
}

function mergeFileIds(target: OutboxPhoto[], uploaded: OutboxPhoto[]): OutboxPhoto[] {
  return target.map((p) => {
    const done = uploaded.find((u) => u.local === p.local && u.fileID);
    return done && !p.fileID ? { ...p, fileID: done.fileID } : p;
  });
}
