import { pipelinesFor } from '@/domain/indicators/pipeline';
import { mustParsePeriod } from '@/domain/period';

const CLOUDBASE_STAGES = ['$match', '$group', '$project', '$sort', '$limit', '$skip', '$unwind', '$lookup', '$addFields', '$count'];

describe('pipelinesFor', () => {
  const all = pipelinesFor('500114213', mustParsePeriod('2023'));

  it('should give one pipeline per collection, manual figures included for a whole year', () => {
    expect(all.map((p) => p.collection).sort()).toEqual([
      'consultations',
      'disputes',
      'manual_figures',
      'orgs',
      'outreach',
      'people',
      'petitions',
      'receptions',
      'studies',
    ]);
  });

  it('should use only stages CloudBase supports, never $facet', () => {
    for (const { pipeline } of all) {
      for (const stage of pipeline) expect(CLOUDBASE_STAGES).toContain(Object.keys(stage)[0]);
    }
    expect(JSON.stringify(all)).not.toContain('$facet');
  });

  it('should match the scope and leave out soft-deleted records', () => {
    const outreach = all.find((p) => p.collection === 'outreach');
    expect(outreach?.pipeline[0]).toEqual({
      $match: { orgPath: '500114213', deleted: { $ne: true }, date: { $gte: '2023-01-01', $lte: '2023-12-31' } },
    });
    expect(all.find((p) => p.collection === 'orgs')?.pipeline[0]).toEqual({ $match: { path: '500114213', deleted: { $ne: true } } });
  });

  it('should fetch disputes by either of their dates', () => {
    const disputes = all.find((p) => p.collection === 'disputes');
    expect(disputes?.pipeline[0]).toMatchObject({
      $match: {
        $or: [{ acceptDate: { $gte: '2023-01-01', $lte: '2023-12-31' } }, { closeDate: { $gte: '2023-01-01', $lte: '2023-12-31' } }],
      },
    });
  });

  it('should be plain JSON', () => {
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
  });

  it('should leave manual figures out of a period that is not a whole year', () => {
    expect(pipelinesFor('500114213', mustParsePeriod('2023H1')).map((p) => p.collection)).not.toContain('manual_figures');
  });

  it('should query only the collections the asked ids need', () => {
    const some = pipelinesFor('500114213', mustParsePeriod('2023'), ['outreach.consultations', 'roster.grid_coverage']);
    expect(some.map((p) => p.collection).sort()).toEqual(['consultations', 'orgs', 'outreach', 'people']);
    const custom = pipelinesFor('500114213', mustParsePeriod('2023'), ['manual.meetings']);
    expect(custom.map((p) => p.collection)).toEqual(['manual_figures']);
  });
});
