/**
 * Township staff manage their units: add a village (or a unit below their own), rename one. A unit's
 * place in the tree is fixed once it has records, because every record carries the path of units
 * above it; moving a unit would silently move its records between townships' figures.
 */
import { validateOrg } from '../../src/domain/records/org';
import { levelRank } from '../../src/domain/org';
import type { OrgView } from '../../src/domain/api';
import { inTransaction, readOne, withoutId, type Database } from './cloudbase';
import type { Caller } from './caller';
import { requireInScope, requireRole } from './authz';
import { AppError } from './errors';
import { findOrg, orgView, type OrgDoc } from './orgs';
import { writeHistory } from './history';

export async function saveOrg(db: Database, caller: Caller, input: unknown, now: Date): Promise<OrgView> {
  requireRole(caller, ['乡镇管理员']);
  const checked = validateOrg(input);
  if (!checked.ok) throw new AppError('INVALID_RECORD', undefined, checked.problems);
  const { code, name, level, parentCode } = checked.value;
  if (!parentCode) throw new AppError('FORBIDDEN', '最上级单位只能由运维人员导入');
  const parent = await findOrg(db, parentCode);
  if (!parent) throw new AppError('ORG_NOT_FOUND', '没有找到上级单位');
  requireInScope(caller, parent.path);
  if (levelRank(parent.level) >= levelRank(level)) throw new AppError('INVALID_RECORD', `“${level}”不能设在“${parent.level}”之下`);

  const stamp = now.toISOString();
  const saved = await inTransaction(db, async (tx) => {
    const existing = await readOne<OrgDoc>(tx, 'orgs', code);
    if (existing && (existing.parentCode !== parentCode || existing.level !== level)) {
      throw new AppError('FORBIDDEN', '单位的上级和层级建立后不能修改；如确需调整，请联系运维人员');
    }
    if (existing?.name === name) return existing;
    const doc: OrgDoc = { _id: code, code, name, level, parentCode, path: [...parent.path, code] };
    await tx.collection('orgs').doc(code).set(withoutId(doc));
    await writeHistory(tx, {
      collection: 'orgs',
      recordId: code,
      action: existing ? 'update' : 'create',
      by: caller.openid,
      byName: caller.name,
      at: stamp,
      // Units carry no version; the history id only needs to tell changes apart.
      version: Date.parse(stamp),
      before: existing ? { name: existing.name } : null,
      after: { name, level, parentCode },
      orgPath: doc.path,
    });
    return doc;
  });
  return orgView(saved);
}
