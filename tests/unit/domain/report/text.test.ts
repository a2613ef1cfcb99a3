/** The small text rules of the report: area words, Chinese ordinals, township text. */
import { areaWord, chineseNumber, parseTownshipText, townshipMediatorLabel, unitWord } from '@/domain/report/text';

describe('areaWord', () => {
  it.each([
    ['白土乡', '乡镇', '全乡'],
    ['下渠镇', '乡镇', '全镇'],
    ['城南街道', '乡镇', '全街道'],
    ['黔江区', '县', '全区'],
    ['泰宁县', '县', '全县'],
    ['石柱土家族自治县', '县', '全县'],
    ['新华村', '村', '全村'],
  ] as const)('should call all of %s %s', (name, level, word) => {
    expect(areaWord(name, level)).toBe(word);
  });

  it('should fall back on the level when the name does not tell', () => {
    expect(unitWord('某某', '县')).toBe('县');
    expect(unitWord('某某', '乡镇')).toBe('乡镇');
  });

  it('should name township mediators by the unit', () => {
    expect(townshipMediatorLabel('白土乡', '乡镇')).toBe('乡级专职调解员');
    expect(townshipMediatorLabel('下渠镇', '乡镇')).toBe('镇级专职调解员');
    expect(townshipMediatorLabel('黔江区', '县')).toBe('乡镇专职调解员');
  });
});

describe('chineseNumber', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [35, '三十五'],
  ])('should write %d as %s', (n, text) => {
    expect(chineseNumber(n)).toBe(text);
  });

  it('should refuse what no heading needs', () => {
    expect(() => chineseNumber(0)).toThrow(RangeError);
    expect(() => chineseNumber(100)).toThrow(RangeError);
  });
});

describe('parseTownshipText', () => {
  it('should give null for nothing written', () => {
    expect(parseTownshipText(undefined)).toBeNull();
    expect(parseTownshipText(' \n\u3000\n')).toBeNull();
  });

  it('should take a short numbered line as a heading and a long or punctuated one as a paragraph', () => {
    const parsed = parseTownshipText(['（一）责任落实，领导重视', '正文。', `（二）${'很长'.repeat(25)}`, '（三）完善制度：一是……'].join('\n'));
    expect(parsed?.subsections).toEqual([{ title: '责任落实，领导重视', paragraphs: ['正文。', `（二）${'很长'.repeat(25)}`, '（三）完善制度：一是……'] }]);
  });
});
