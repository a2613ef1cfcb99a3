import { withLetter } from '@/console/report/report-model';

describe('the report page’s 主送机关 and 落款', () => {
  const settings = { yuChoices: { 'outreach.materials': false }, addressee: '旧的', signer: '旧署名', signDate: '2026-01-01' };

  it('should replace them as the form has them and keep the 余 choices', () => {
    expect(withLetter(settings, { addressee: ' 中共重庆市黔江区委 ', signer: '', signDate: '2026-12-01' })).toEqual({
      yuChoices: { 'outreach.materials': false },
      addressee: '中共重庆市黔江区委',
      signDate: '2026-12-01',
    });
  });

  it('should leave out a field emptied, so it is cleared rather than sent empty', () => {
    expect(withLetter(settings, { addressee: '', signer: '', signDate: '' })).toEqual({ yuChoices: { 'outreach.materials': false } });
  });
});
