/**
 * Which queued invocation a free worker takes, so that cheap calls never wait behind heavy ones
 * (16 county viewers asking for `console.byMonth` at once must not make another person's `whoami`
 * take seconds):
 *
 * - Each kind of call (`<function>.<action>`) is timed; a kind whose recent average exceeds
 *   `heavyMs` is heavy. Heavy calls together hold at most `workers - 1` workers, so one is always
 *   left for cheap calls; one caller likewise holds at most `workers - 1`.
 * - A free worker takes a cheap call before a heavy one, then the call of the caller with the fewest
 *   calls running, then the oldest.
 * - Server-to-server calls (a function calling another) are exempt from both limits: the caller is
 *   already holding a worker and waits for them, so limiting them could deadlock the pool.
 */
export const SERVER_CALLER = 'server';

export interface Ticket {
  /** `<function>.<action>`: what is timed. */
  kind: string;
  /** Who asked: an openid, `anon:<ip>` for a resident, SERVER_CALLER for server-to-server. */
  caller: string;
}

/** Weight of the newest duration in a kind's running average. */
const NEWEST = 0.3;

export class Scheduler<T extends Ticket> {
  private readonly averageMs = new Map<string, number>();
  private readonly running = new Set<T>();

  constructor(
    private readonly workers: () => number,
    private readonly heavyMs: number,
  ) {}

  /** `<function>.<action>` of an invocation, the action read from the event when it has one. */
  static kindOf(name: string, eventJson: string): string {
    try {
      const action = (JSON.parse(eventJson) as { action?: unknown } | null)?.action;
      return typeof action === 'string' ? `${name}.${action.slice(0, 64)}` : name;
    } catch {
      return name;
    }
  }

  isHeavy(kind: string): boolean {
    return (this.averageMs.get(kind) ?? 0) > this.heavyMs;
  }

  started(ticket: T): void {
    this.running.add(ticket);
  }

  /** `ms`: how long it ran, or undefined when it never ran to an answer (it is then not timed). */
  finished(ticket: T, ms: number | undefined): void {
    this.running.delete(ticket);
    if (ms === undefined) return;
    const before = this.averageMs.get(ticket.kind);
    this.averageMs.set(ticket.kind, before === undefined ? ms : before * (1 - NEWEST) + ms * NEWEST);
  }

  /** The index in `queue` (oldest first) of the invocation to start next, or -1 when none may start now. */
  pick(queue: readonly T[]): number {
    const cap = Math.max(1, this.workers() - 1);
    let heavyRunning = 0;
    const perCaller = new Map<string, number>();
    for (const t of this.running) {
      if (t.caller === SERVER_CALLER) continue;
      if (this.isHeavy(t.kind)) heavyRunning++;
      perCaller.set(t.caller, (perCaller.get(t.caller) ?? 0) + 1);
    }
    let best = -1;
    let bestRank: [number, number] = [Infinity, Infinity];
    queue.forEach((t, i) => {
      const heavy = this.isHeavy(t.kind);
      const mine = perCaller.get(t.caller) ?? 0;
      if (t.caller !== SERVER_CALLER && ((heavy && heavyRunning >= cap) || mine >= cap)) return;
      const rank: [number, number] = [heavy ? 1 : 0, t.caller === SERVER_CALLER ? 0 : mine];
      if (rank[0] < bestRank[0] || (rank[0] === bestRank[0] && rank[1] < bestRank[1])) {
        best = i;
        bestRank = rank;
      }
    });
    return best;
  }
}
