/** Masking of parties in free text (src/domain/masking.ts): every spelling found, ordinary text left alone. */
import { maskCaseValue, maskText } from '../../../src/domain/masking';

const parties = [{ name: '张建明', phone: '13812345678', idNumber: '500114199001011234' }];

describe('maskText', () => {
  it.each([
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['138－1234—5678', '138****5678'],
    ['139 8765 4321', '139****4321'],
    ['500114 19900101 1234', '**************1234'],
    ['50011419850505432x', '**************432x'],
    ['500114900101123', '***********1123'],
    ['张 建 明', '张*明'],
    ['张\u200b建明', '张*明'],
  ])('should mask %s as %s', (spelling, masked) => {
    expect(maskText(`电话或证件：${spelling}。`, parties)).toBe(`电话或证件：${masked}。`);
  });

  it('should leave dates, amounts, unit codes in sentences and other people alone', () => {
    const text = '2023-01-01 调解，协议金额12000元，500114213201 村委会，王 建 国 到场';
    expect(maskText(text, parties)).toBe(text);
  });

  it('should mask every text inside a value, and nothing else', () => {
    expect(maskCaseValue([{ date: '2026-01-02', result: '回访张建明', n: 3 }], parties)).toEqual([{ date: '2026-01-02', result: '回访张*明', n: 3 }]);
  });
});
