import { validateDispute } from '@/domain/records/dispute';

const base = {
  id: 'TJ00090x',
  orgCode: '500114213203',
  acceptDate: '2023-08-03',
  disputeType: '山林土地',
  source: '排查发现',
  state: '调解成功',
  closeDate: '2023-08-10',
  amount: 2534,
  description: '两户因林界发生争执。',
};
const problems = (input: object) => {
  const r = validateDispute(input);
  return r.ok ? [] : r.problems;
};

describe('validateDispute', () => {
  it('should require a description or at least one party', () => {
    const { description: _d, ...bare } = base;
    expect(problems(bare)).toEqual([{ field: 'description', message: '请填写纠纷情况，或至少填写一名当事人' }]);
    expect(problems({ ...bare, description: '  ' })).toHaveLength(1);
    expect(problems({ ...bare, parties: [{ name: '王小明' }] })).toEqual([]);
  });

  it('should accept a case closed after it was accepted', () => {
    expect(validateDispute(base)).toEqual({ ok: true, value: base });
  });

  it('should accept an open case without a closing date', () => {
    expect(problems({ ...base, state: '调解中', closeDate: undefined })).toEqual([]);
  });

  it('should require a closing date for every closed state', () => {
    for (const state of ['调解成功', '调解不成功', '终止', '移交']) {
      expect(problems({ ...base, state, closeDate: undefined })).toEqual([{ field: 'closeDate', message: `状态为“${state}”时须填写办结日期` }]);
    }
  });

  it('should reject a closing date on an open case', () => {
    expect(problems({ ...base, state: '受理' })).toEqual([{ field: 'closeDate', message: '状态为“受理”时办结日期须为空' }]);
  });

  it('should reject a closing date before the acceptance date', () => {
    expect(problems({ ...base, closeDate: '2023-08-02' })).toEqual([{ field: 'closeDate', message: '办结日期不能早于受理日期' }]);
  });

  it('should accept a case closed on the day it was accepted', () => {
    expect(problems({ ...base, closeDate: base.acceptDate })).toEqual([]);
  });

  it('should reject a word outside the vocabulary, naming the words allowed', () => {
    const [p] = problems({ ...base, disputeType: '土地' });
    expect(p.field).toBe('disputeType');
    expect(p.message).toContain('婚姻家庭、邻里');
  });

  it('should reject a negative amount or one with fractions of a cent', () => {
    expect(problems({ ...base, amount: -1 })[0].message).toBe('协议金额不能小于0');
    expect(problems({ ...base, amount: 1.005 })[0].message).toBe('协议金额最多保留两位小数');
    expect(problems({ ...base, amount: 10.25 })).toEqual([]);
  });

  it('should reject an impossible date', () => {
    expect(problems({ ...base, acceptDate: '2023-02-30' })[0].field).toBe('acceptDate');
  });

  it('should reject unknown fields', () => {
    expect(problems({ ...base, extra: 1 })).toHaveLength(1);
  });
});
