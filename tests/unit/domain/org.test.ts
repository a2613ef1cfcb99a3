import { indexOrgs, isInScope, levelRank, orgPathOf, type OrgNode } from '@/domain/org';

const orgs: OrgNode[] = [
  { code: '500114', level: '县', parentCode: null },
  { code: '500114213', level: '乡镇', parentCode: '500114' },
  { code: '500114213201', level: '村', parentCode: '500114213' },
];

describe('orgPathOf', () => {
  const byCode = indexOrgs(orgs);

  it('should give the codes from the top unit down to the unit itself', () => {
    expect(orgPathOf('500114213201', byCode)).toEqual(['500114', '500114213', '500114213201']);
    expect(orgPathOf('500114', byCode)).toEqual(['500114']);
  });

  it('should give null for an unknown unit or a missing ancestor', () => {
    expect(orgPathOf('999', byCode)).toBeNull();
    const orphan = indexOrgs([...orgs, { code: '500114299201', level: '村', parentCode: '500114299' }]);
    expect(orgPathOf('500114299201', orphan)).toBeNull();
  });

  it('should give null when parent links loop', () => {
    const loop = indexOrgs([
      { code: '111111', level: '乡镇', parentCode: '222222' },
      { code: '222222', level: '乡镇', parentCode: '111111' },
    ]);
    expect(orgPathOf('111111', loop)).toBeNull();
  });
});

describe('isInScope', () => {
  const path = ['500114', '500114213', '500114213201'];
  it('should include the unit itself and every unit above it', () => {
    expect(isInScope(path, '500114213201')).toBe(true);
    expect(isInScope(path, '500114213')).toBe(true);
    expect(isInScope(path, '500114')).toBe(true);
  });
  it('should exclude siblings and units below', () => {
    expect(isInScope(path, '500114213202')).toBe(false);
    expect(isInScope(['500114'], '500114213')).toBe(false);
  });
});

describe('levelRank', () => {
  it('should rank 县 above 乡镇 above 村', () => {
    expect(levelRank('县')).toBeLessThan(levelRank('乡镇'));
    expect(levelRank('乡镇')).toBeLessThan(levelRank('村'));
  });
});
