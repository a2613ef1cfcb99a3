/**
 * The rule the index check applies (emulator/query-shape.ts): which filters a declared index serves,
 * by MongoDB's prefix rule.
 */
import { filterShape, servingIndex, type DeclaredIndex } from '../../../emulator/query-shape';

const ix = (name: string, ...fields: string[]): DeclaredIndex => ({ name, keys: fields.map((field) => ({ field, direction: 1 as const })) });
const INDEXES = [ix('orgpath_date', 'orgPath', 'date'), ix('state', 'state')];
const served = (criteria: unknown, sort: string[] = []) => servingIndex({ ...filterShape(criteria), sort }, INDEXES);

describe('servingIndex', () => {
  it('should serve a filter bounding the first key of an index, by equality or range', () => {
    expect(served({ orgPath: '500114213', deleted: { $ne: true } })).toBe('orgpath_date');
    expect(served({ state: { $in: ['受理', '调解中'] } })).toBe('state');
  });

  it('should not serve a filter on a later key only, or one that bounds nothing', () => {
    expect(served({ date: { $gte: '2024-01-01' } })).toBeUndefined();
    expect(served({ deleted: { $ne: true } })).toBeUndefined();
  });

  it('should serve _id lookups and deliberate full reads in _id order by the _id index', () => {
    expect(served({ _id: { $in: ['a', 'b'] } })).toBe('_id_');
    expect(served({}, ['_id'])).toBe('_id_');
    expect(served({}, ['createdAt'])).toBeUndefined();
  });

  it('should serve an $or only when every branch is served', () => {
    expect(served({ $or: [{ orgPath: 'x' }, { state: '办结' }] })).toBe('orgpath_date|state');
    expect(served({ $or: [{ orgPath: 'x' }, { date: '2024-01-01' }] })).toBeUndefined();
  });

  it('should merge $and parts', () => {
    expect(filterShape({ $and: [{ orgPath: 'x' }, { date: { $lte: '2024' } }] }).fields).toEqual({ orgPath: 'eq', date: 'range' });
  });
});
