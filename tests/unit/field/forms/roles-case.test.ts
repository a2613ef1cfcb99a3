import { FORM_KINDS, formsFor, hasTodo } from '../../../../src/domain/forms/roles';
import { addFollowUp, changeState, editableRecord, isClosingState, needsCloseDate, nextStates } from '../../../../src/domain/forms/case';
import { formSpec } from '../../../../src/domain/forms/spec';
import { validateDispute } from '../../../../src/domain/records/dispute';
import { validatePetition } from '../../../../src/domain/records/petition';
import { DISPUTE_STATES, PETITION_STATES } from '../../../../src/domain/vocab';
import { summaryOf } from '../../../../src/domain/forms/summary';

describe('who sees which form', () => {
  it('should give 我的待办 to mediators, cadres and admins only', () => {
    expect(hasTodo('人民调解员')).toBe(true);
    expect(hasTodo('乡镇管理员')).toBe(true);
    expect(hasTodo('县级查看')).toBe(false);
  });

  it('should show a 法律明白人 the outreach, consultation and dispute forms and no 待办', () => {
    expect(formsFor('法律明白人')).toEqual(['outreach', 'consultation', 'dispute']);
    expect(hasTodo('法律明白人')).toBe(false);
    expect(formsFor('村干部')).toEqual(FORM_KINDS);
  });
});

describe('following a case', () => {
  const view = {
    id: 'case00001',
    orgCode: '500114101201',
    orgName: '白土村',
    kind: 'dispute',
    version: 2,
    masked: false,
    acceptDate: '2024-05-01',
    disputeType: '邻里',
    source: '当事人申请',
    state: '受理',
    parties: [{ name: '张三' }],
  };

  it('should edit only the record own fields, not the answer meta', () => {
    expect(editableRecord('dispute', view)).toEqual({
      id: 'case00001',
      orgCode: '500114101201',
      acceptDate: '2024-05-01',
      disputeType: '邻里',
      source: '当事人申请',
      state: '受理',
      parties: [{ name: '张三' }],
    });
  });

  it('should walk a dispute from 受理 through 调解中 to 调解成功 with a 回访, each step valid', () => {
    expect(nextStates('dispute', '受理')).toContain('调解中');
    let record = editableRecord('dispute', view);
    record = changeState('dispute', record, { state: '调解中' }, '2024-05-02');
    expect(validateDispute(record)).toMatchObject({ ok: true });
    record = addFollowUp(record, { date: '2024-05-03', result: ' 双方同意再谈 ' });
    record = changeState(
      'dispute',
      record,
      { state: '调解成功', closeDate: '2024-05-04', agreementForm: '书面', amount: 3000, note: '赔偿3000元' },
      '2024-05-04',
    );
    expect(validateDispute(record)).toMatchObject({ ok: true });
    expect(record).toMatchObject({ state: '调解成功', closeDate: '2024-05-04', agreementForm: '书面', amount: 3000 });
    // The closing note is the case's own, not a 回访.
    expect(record.followUps).toEqual([{ date: '2024-05-03', result: '双方同意再谈' }]);
    expect(record.closingNote).toBe('赔偿3000元');
    expect(isClosingState('dispute', '调解成功')).toBe(true);
    expect(nextStates('dispute', '调解成功')).toEqual([]);
  });

  it('should close a petition as 办结 with a date and 不予受理 without one', () => {
    const petition = { id: 'p0000001', orgCode: '500114101201', registerDate: '2024-05-01', channel: '来访', dueDate: '2024-06-30', state: '办理中' };
    expect(changeState('petition', petition, { state: '办结' }, '2024-05-09')).toMatchObject({ closeDate: '2024-05-09' });
    expect(changeState('petition', petition, { state: '不予受理' }, '2024-05-09')).not.toHaveProperty('closeDate');
  });
});

describe('a case’s 办结日期', () => {
  const cases = [
    {
      kind: 'dispute' as const,
      states: DISPUTE_STATES,
      validate: validateDispute,
      base: { orgCode: '500114101201', acceptDate: '2024-05-01', disputeType: '邻里', source: '排查发现' },
    },
    {
      kind: 'petition' as const,
      states: PETITION_STATES,
      validate: validatePetition,
      base: { orgCode: '500114101201', registerDate: '2024-05-01', channel: '来访', dueDate: '2024-06-30' },
    },
  ];

  it.each(cases.map((c) => [c.kind, c] as const))(
    'should be asked for by the %s form and case page exactly in the states whose records need one',
    (_kind, { kind, states, validate, base }) => {
      const field = formSpec(kind, { role: '人民调解员' }).fields.find((f) => f.name === 'closeDate');
      for (const state of states) {
        const checked = validate({ id: 'c0000001', ...base, state });
        const needed = !checked.ok && checked.problems.some((p) => p.field === 'closeDate');
        expect({ state, form: field?.when?.({ ...base, state }), page: needsCloseDate(kind, state) }).toEqual({ state, form: needed, page: needed });
      }
    },
  );
});

describe('list summaries', () => {
  it('should never show parties by name', () => {
    const s = summaryOf('dispute', { disputeType: '邻里', state: '受理', source: '排查发现', acceptDate: '2024-05-01', parties: [{ name: '张三' }] });
    expect(JSON.stringify(s)).not.toContain('张三');
    expect(s).toEqual({ title: '矛盾纠纷 · 邻里', date: '2024-05-01', line: '受理 · 排查发现 · 当事人 1 人' });
  });

  it('should show an outreach event with its counts', () => {
    expect(
      summaryOf('outreach', { type: '院坝会', venue: '乡村', date: '2024-05-01', attendees: 30, materials: 180, banners: 1, consultations: 4 }).line,
    ).toContain('资料 180 份');
  });
});
