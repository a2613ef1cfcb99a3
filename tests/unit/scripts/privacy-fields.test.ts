/**
 * DEPLOY.md's 用户隐私保护指引 field list is the one scripts/privacy-fields.ts generates from the
 * kinds' description (KINDS): a personal field added to a kind without updating the guide fails here.
 */
import { readFileSync } from 'node:fs';
import { DEPLOY_MD, personalFields, privacySection, withSection } from '../../../scripts/privacy-fields';
import { KINDS, RECORD_KINDS } from '../../../src/domain/records/kinds';

describe('the privacy guide in DEPLOY.md', () => {
  it('should be current with the kinds’ description (regenerate: npx tsx scripts/privacy-fields.ts --write)', () => {
    const doc = readFileSync(DEPLOY_MD, 'utf8');
    expect(withSection(doc, privacySection())).toBe(doc);
  });

  it('should name the parties’ ID numbers, the residents’ phones and the location', () => {
    const section = privacySection();
    expect(section).toContain('| 当事人身份证号 | 矛盾纠纷、信访事项 |');
    expect(section).toMatch(/\| 手机号码 \| [^|]*群众求助/);
    expect(section).toContain('| 位置（经纬度） |');
  });

  it('should list, for each kind, every field its description calls personal', () => {
    const listed = [...personalFields()];
    for (const def of RECORD_KINDS.map((kind) => KINDS[kind])) {
      for (const field of [...def.personalFields, ...def.handlerOnly, ...def.openPersonalFields]) {
        const rows = listed.filter(([path]) => path === field || path.startsWith(`${field}.`));
        expect({ kind: def.kind, field, forms: rows.flatMap(([, forms]) => forms) }).toEqual({
          kind: def.kind,
          field,
          forms: expect.arrayContaining([def.label]),
        });
      }
    }
    // The registry masks a petition's 事项类别 as personal: the guide says so too.
    expect(privacySection()).toMatch(/\| 信访事项类别[^|]*\| 信访事项 \|/);
  });

  it('should call personal every field whose name says it holds a name, phone, ID number, photo or place', () => {
    // The description is where a new field is classified; this catches one added with a telling name and forgotten there.
    const telling = /name|phone|idnumber|photo|location|leader|address/i;
    for (const def of RECORD_KINDS.map((kind) => KINDS[kind])) {
      const personal = [...def.personalFields, ...def.handlerOnly, ...def.openPersonalFields];
      const forgotten = def.fields.filter((field) => telling.test(field) && !personal.includes(field));
      expect({ kind: def.kind, forgotten }).toEqual({ kind: def.kind, forgotten: [] });
    }
  });
});
