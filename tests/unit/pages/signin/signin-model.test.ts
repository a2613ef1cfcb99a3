import { groupByRole } from '../../../../src/pages/signin/signin-model';
import type { DevPerson } from '../../../../src/services/identity';

const p = (openid: string, name: string, role: string): DevPerson => ({ openid, name, role, orgName: '大寨村' }) as DevPerson;

describe('dev sign-in', () => {
  it('should group people by role in the order of the app roles', () => {
    const groups = groupByRole([p('1', '王五', '乡镇管理员'), p('2', '李四', '法律明白人'), p('3', '赵六', '法律明白人')]);
    expect(groups.map((g) => g.role)).toEqual(['法律明白人', '乡镇管理员']);
    expect(groups[0].people.map((x) => x.openid).sort()).toEqual(['2', '3']);
  });
});
