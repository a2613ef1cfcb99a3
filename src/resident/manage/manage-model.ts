/**
 * The township admin's 公开信息管理 without the view: contacts grouped by village, and the article
 * editor's draft. Pure.
 */
import type { ContactRow, ManagedArticle } from '../../domain/public/types';
import type { ArticleInput } from '../../domain/public/article';
import type { ArticleCategory } from '../../domain/public/vocab';

export interface ContactGroup {
  orgCode: string;
  orgName: string;
  rows: ContactRow[];
}

/** Rows in the order the server gave (by unit, then role), grouped by unit. */
export function groupContacts(rows: readonly ContactRow[]): ContactGroup[] {
  const groups: ContactGroup[] = [];
  for (const row of rows) {
    let group = groups.find((g) => g.orgCode === row.orgCode);
    if (!group) {
      group = { orgCode: row.orgCode, orgName: row.orgName, rows: [] };
      groups.push(group);
    }
    group.rows.push(row);
  }
  return groups;
}

export function replaceContact(rows: readonly ContactRow[], next: ContactRow): ContactRow[] {
  return rows.map((row) => (row.personId === next.personId ? next : row));
}

export const DEFAULT_CATEGORY: ArticleCategory = '民法典';

export function newArticle(id: string, townshipCode: string, today: string): ArticleInput {
  return { id, orgCode: townshipCode, title: '', category: DEFAULT_CATEGORY, date: today, body: '', published: false };
}

export function editableArticle(article: ManagedArticle): ArticleInput {
  const { id, orgCode, title, category, date, body, published } = article;
  return { id, orgCode, title, category, date, body, published };
}

/** The list after a save: the saved article replaces its old version or joins the list, newest date first. */
export function withSavedArticle(list: readonly ManagedArticle[], saved: ManagedArticle): ManagedArticle[] {
  return [saved, ...list.filter((a) => a.id !== saved.id)].sort((a, b) => b.date.localeCompare(a.date));
}
