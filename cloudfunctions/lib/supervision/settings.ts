/**
 * A township's supervision settings (supervision_settings, one document per township): the 月报's
 * cadence and due day, and whether its records are reviewed (审核) before they count. A township that
 * never saved any has the defaults: monthly, due on the 5th, no review.
 */
import { readOne, type Database, type Transaction } from '../cloudbase';
import type { OrgDoc } from '../orgs';
import { AppError, isCloudError } from '../errors';
import { readAll } from '../ledger/read';
import { DEFAULT_DUE_DAY, dueDayProblem, type Cadence } from '../../../src/domain/supervision/schedule';
import type { SupervisionSettings } from '../../../src/domain/supervision/api';

export const SETTINGS = 'supervision_settings';

export interface SettingsDoc {
  /** The township's code. */
  _id: string;
  orgCode: string;
  orgPath: string[];
  cadence: Cadence;
  dueDay: number;
  review: boolean;
  version: number;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

export const DEFAULT_SETTINGS: SupervisionSettings = {
  cadence: 'monthly',
  dueDay: DEFAULT_DUE_DAY,
  review: false,
  version: 0,
  updatedAt: null,
  updatedBy: null,
};

/** The township a unit belongs to (itself for a township); null for a county. */
export function townshipCodeOf(org: Pick<OrgDoc, 'code' | 'level' | 'parentCode'>): string | null {
  if (org.level === '乡镇') return org.code;
  if (org.level === '村') return org.parentCode;
  return null;
}

export const readSettings = (source: Database | Transaction, townshipCode: string) => readOne<SettingsDoc>(source, SETTINGS, townshipCode);

export function settingsView(doc: SettingsDoc | null): SupervisionSettings {
  if (!doc) return DEFAULT_SETTINGS;
  return {
    cadence: doc.cadence,
    dueDay: doc.dueDay,
    review: doc.review === true,
    version: doc.version,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedByName,
  };
}

export async function settingsOf(db: Database, townshipCode: string | null): Promise<SupervisionSettings> {
  return townshipCode ? settingsView(await readSettings(db, townshipCode)) : DEFAULT_SETTINGS;
}

/** Settings of many townships at once (the county's completeness). */
export async function settingsByTownship(db: Database, codes: readonly string[]): Promise<Map<string, SupervisionSettings>> {
  if (codes.length === 0) return new Map();
  const docs = (await readAll(db, SETTINGS, { _id: db.command.in([...codes]) })) as unknown as SettingsDoc[];
  const byCode = new Map(docs.map((doc) => [doc._id, doc]));
  return new Map(codes.map((code) => [code, settingsView(byCode.get(code) ?? null)]));
}

/** Townships whose review is on: the figures leave out their records awaiting review. */
export async function reviewTownships(db: Database): Promise<string[]> {
  try {
    return (await readAll(db, SETTINGS, { review: true })).map((doc) => doc._id);
  } catch (error) {
    // A store set up before supervision existed has no settings collection: nobody reviews.
    if (isCloudError(error, 'DATABASE_COLLECTION_NOT_EXIST')) return [];
    throw error;
  }
}

export function checkDueDay(cadence: Cadence, dueDay: number): void {
  const problem = dueDayProblem(cadence, dueDay);
  if (problem) throw new AppError('INVALID_FORM', problem);
}
