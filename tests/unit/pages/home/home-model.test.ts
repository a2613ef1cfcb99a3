import type { Me } from '../../../../src/domain/api';
import type { AppRole } from '../../../../src/domain/vocab';
import { consoleEntry, figureLines, homeModeOf, packagesFor, serviceEntries } from '../../../../src/pages/home/home-model';

const me = (role: AppRole): Me => ({ personId: 'p', name: '张三', role, org: { code: '520000000001', name: '大寨村', level: '村' } });

describe('home', () => {
  it('should offer logging to 法律明白人, 人民调解员 and 村干部', () => {
    expect(homeModeOf(me('法律明白人'))).toBe('field');
    expect(homeModeOf(me('人民调解员'))).toBe('field');
    expect(homeModeOf(me('村干部'))).toBe('field');
  });

  it('should show figures to township admins and county viewers', () => {
    expect(homeModeOf(me('乡镇管理员'))).toBe('viewer');
    expect(homeModeOf(me('县级查看'))).toBe('viewer');
  });

  it('should treat a caller without identity as a resident', () => {
    expect(homeModeOf(null)).toBe('resident');
  });

  it('should read each figure as label, number and unit, with a dash for no value', () => {
    expect(figureLines({ 'outreach.events': 21, 'outreach.materials': null })).toEqual([
      { id: 'outreach.events', label: '开展普法宣传活动', value: '21', unit: '次' },
      { id: 'outreach.materials', label: '发放宣传资料', value: '—', unit: '份' },
    ]);
  });
});

describe('residents’ services on the staff home page', () => {
  it('should lead mediators and cadres to the village queue, and admins also to publishing and QR codes', () => {
    expect(serviceEntries('人民调解员').map((entry) => entry.id)).toEqual(['go-queue']);
    expect(serviceEntries('村干部').map((entry) => entry.url)).toEqual(['/resident/queue/index']);
    expect(serviceEntries('乡镇管理员').map((entry) => entry.id)).toEqual(['go-queue', 'go-manage', 'go-codes']);
  });

  it('should show nothing of the queue to a 法律明白人 or a county viewer', () => {
    expect(serviceEntries('法律明白人')).toEqual([]);
    expect(serviceEntries('县级查看')).toEqual([]);
  });

  it('should load while online the subpackages of the pages each role uses', () => {
    expect(packagesFor(null)).toEqual(['resident']);
    expect(packagesFor(me('法律明白人'))).toEqual(['field']);
    expect(packagesFor(me('人民调解员'))).toEqual(['field', 'resident']);
    expect(packagesFor(me('乡镇管理员'))).toEqual(['field', 'resident', 'console']);
    expect(packagesFor(me('县级查看'))).toEqual(['console']);
  });

  it('should name the console for whose figures it shows', () => {
    expect(consoleEntry('乡镇管理员').label).toBe('进入乡镇工作台');
    expect(consoleEntry('县级查看').label).toBe('进入县级工作台');
  });
});
