/**
 * The demo people one can sign in as on the local stack: real roster entries of the demo township,
 * bound to made-up openids. Only the demo loader uses this; production binds by invite code.
 */
import type { AccountDoc } from '../../cloudfunctions/lib/caller';
import type { LedgerDoc } from '../../src/domain/ledger/parse';
import type { AppRole } from '../../src/domain/vocab';

interface DemoSeat {
  openid: string;
  role: AppRole;
  /** Which roster entry fills the seat: its 身份 and whether it belongs to a village. */
  rosterRole: string;
  atVillage: boolean;
  /** Another seat whose village this one must differ from (a second village's mediator). */
  otherVillageThan?: string;
}

const SEATS: DemoSeat[] = [
  { openid: 'o-demo-flmbr-1', role: '法律明白人', rosterRole: '法律明白人', atVillage: true },
  { openid: 'o-demo-flmbr-2', role: '法律明白人', rosterRole: '法律明白人', atVillage: true },
  { openid: 'o-demo-mediator', role: '人民调解员', rosterRole: '人民调解员', atVillage: true },
  { openid: 'o-demo-mediator-2', role: '人民调解员', rosterRole: '人民调解员', atVillage: true, otherVillageThan: 'o-demo-mediator' },
  { openid: 'o-demo-cadre', role: '村干部', rosterRole: '村干部', atVillage: true },
  { openid: 'o-demo-admin', role: '乡镇管理员', rosterRole: '乡镇干部', atVillage: false },
];

/** Picks roster people for each seat (distinct villages for the two 法律明白人), plus a county viewer. */
export function demoAccounts(people: readonly LedgerDoc[], villages: ReadonlySet<string>, township: string, county: string): AccountDoc[] {
  const used = new Set<string>();
  const usedVillages = new Set<string>();
  const accounts: AccountDoc[] = [];
  for (const seat of SEATS) {
    const person = people.find((p) => {
      const org = String(p.orgCode);
      if (p.role !== seat.rosterRole || used.has(p._id) || p.endDate) return false;
      if (seat.atVillage !== villages.has(org)) return false;
      if (seat.otherVillageThan && accounts.some((a) => a._id === seat.otherVillageThan && a.orgCode === org)) return false;
      return !(seat.role === '法律明白人' && usedVillages.has(org));
    });
    const orgCode = person ? String(person.orgCode) : township;
    if (person) used.add(person._id);
    if (seat.role === '法律明白人') usedVillages.add(orgCode);
    accounts.push({ _id: seat.openid, name: person ? String(person.name) : `演示${seat.role}`, role: seat.role, orgCode, personId: person?._id });
  }
  accounts.push({ _id: 'o-demo-county', name: '区司法局查看员', role: '县级查看', orgCode: county });
  return accounts;
}
