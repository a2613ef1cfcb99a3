/**
 * Groups the seeded people of the local stack by role for the dev sign-in page. Pure.
 */
import { APP_ROLES } from '../../domain/vocab';
import type { DevPerson } from '../../services/identity';

export interface RoleGroup {
  role: string;
  people: DevPerson[];
}

/** Groups in the order of APP_ROLES (unknown roles last), people by name within a group. */
export function groupByRole(people: readonly DevPerson[]): RoleGroup[] {
  const order = (role: string) => {
    const i = (APP_ROLES as readonly string[]).indexOf(role);
    return i === -1 ? APP_ROLES.length : i;
  };
  const groups = new Map<string, DevPerson[]>();
  for (const person of people) {
    const list = groups.get(person.role) ?? [];
    list.push(person);
    groups.set(person.role, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b, 'zh-CN'))
    .map(([role, list]) => ({ role, people: [...list].sort((x, y) => x.name.localeCompare(y.name, 'zh-CN')) }));
}
