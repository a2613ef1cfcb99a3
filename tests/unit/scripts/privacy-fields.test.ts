/**
 * DEPLOY.md's 用户隐私保护指引 field list is the one scripts/privacy-fields.ts generates from the
 * schemas: a personal field added to a form without updating the guide fails here.
 */
import { readFileSync } from 'node:fs';
import { DEPLOY_MD, privacySection, withSection } from '../../../scripts/privacy-fields';

describe('the privacy guide in DEPLOY.md', () => {
  it('should be current with the schemas (regenerate: npx tsx scripts/privacy-fields.ts --write)', () => {
    const doc = readFileSync(DEPLOY_MD, 'utf8');
    expect(withSection(doc, privacySection())).toBe(doc);
  });

  it('should name the parties’ ID numbers, the residents’ phones and the location', () => {
    const section = privacySection();
    expect(section).toContain('| 当事人身份证号 | 矛盾纠纷、信访事项 |');
    expect(section).toMatch(/\| 手机号码 \| [^|]*群众求助/);
    expect(section).toContain('| 位置（经纬度） |');
  });
});
