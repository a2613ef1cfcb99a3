/**
 * How many records await review behind each figure, read from the catalogue's pipelines run in
 * `pending` mode (every part counts records). A rate's records are its denominator's; a total's, the
 * sum of its parts'. Pure.
 */
import type { AggregateRows } from '../indicators/assemble';
import { partsOf, selectFigures } from '../indicators/pipeline';
import type { Figures } from '../indicators/types';

export function pendingByFigure(rows: AggregateRows, ids?: readonly string[]): Figures {
  const flat: Record<string, unknown> = {};
  for (const list of Object.values(rows)) for (const row of list ?? []) if (row._id === null || row._id === undefined) Object.assign(flat, row);
  const out: Figures = {};
  for (const f of selectFigures(ids)) {
    if (f.measure.kind === 'manual') continue;
    const counts = partsOf(f).map((p) => (typeof flat[p.key] === 'number' ? (flat[p.key] as number) : 0));
    const n = f.measure.kind === 'ratio' ? counts[1] : counts.reduce((a, b) => a + b, 0);
    if (n > 0) out[f.id] = n;
  }
  return out;
}
