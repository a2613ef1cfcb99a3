/**
 * The annual report draft in the console: the township's own texts per year (report_texts, `_id`
 * `${orgCode}:${year}`, versioned with history like a record), the draft built from the figures and
 * those texts (the same buildReport the command line uses), and the .docx put in cloud storage for
 * download. Storage is handed in, so tests and the local gateway use the same calls as CloudBase.
 */
import { buildReport, type ReportModel, type ReportSettings, type ReportTexts } from '../../../src/domain/report';
import type { ReportDocxAnswer, ReportPreviewAnswer, ReportTextsAnswer } from '../../../src/domain/console/api';
import { inTransaction, readOne, type Database, type Transaction } from '../cloudbase';
import type { Caller } from '../caller';
import { AppError } from '../errors';
import { writeHistory } from '../history';
import type { OrgDoc } from '../orgs';
import { closeOf, figuresWithClose } from '../period-close';
import { renderReportDocx } from '../report/docx';
import { reportExtras } from '../report/input';
import { consoleOrg, mayWrite, readableOrg, writableOrg } from './access';
import { yearPeriod } from '../period';

export const REPORT_TEXTS = 'report_texts';
export const TEXT_FIELDS = ['opening', 'extraMeasures', 'shortcomings', 'leaderDuty', 'nextYear'] as const;

/**
 * Settings as stored: figure ids contain dots, which a database reads as paths in a field name, so the
 * choice of 余 is kept as a list.
 */
interface StoredSettings {
  yuChoiceList?: { id: string; yu: boolean }[];
  addressee?: string;
  signer?: string;
  signDate?: string;
}

interface ReportTextsDoc extends ReportTexts, StoredSettings {
  _id: string;
  orgCode: string;
  orgPath: string[];
  year: number;
  version: number;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

/** Where the rendered file goes: CloudBase storage in production, the gateway's locally. */
export interface FileStore {
  /** Stores the bytes; answers the fileID. */
  upload(cloudPath: string, content: Buffer): Promise<string>;
  /** A temporary download address of a stored file. */
  tempUrl(fileID: string): Promise<string>;
}

const textsId = (orgCode: string, year: number) => `${orgCode}:${year}`;

export async function readTexts(source: Database | Transaction, id: string): Promise<ReportTextsDoc | null> {
  return readOne<ReportTextsDoc>(source, REPORT_TEXTS, id);
}

export function textsOf(doc: Partial<ReportTexts> | null): ReportTexts {
  const texts: ReportTexts = {};
  for (const field of TEXT_FIELDS) if (typeof doc?.[field] === 'string') texts[field] = doc[field];
  return texts;
}

/** The settings of a request, only the known fields of the right types, blanks dropped. */
function cleanSettings(input: Partial<ReportSettings> | null | undefined): ReportSettings {
  const settings: ReportSettings = {};
  const choices = input?.yuChoices;
  if (choices && typeof choices === 'object') {
    const kept = Object.entries(choices).filter(([, v]) => typeof v === 'boolean');
    if (kept.length > 0) settings.yuChoices = Object.fromEntries(kept);
  }
  for (const field of ['addressee', 'signer', 'signDate'] as const) {
    const value = input?.[field];
    if (typeof value === 'string' && value.trim() !== '') settings[field] = value.trim();
  }
  return settings;
}

/** The settings of a stored doc. */
export function settingsOf(doc: StoredSettings | null): ReportSettings {
  const list = Array.isArray(doc?.yuChoiceList) ? doc.yuChoiceList : [];
  return cleanSettings({ ...doc, yuChoices: Object.fromEntries(list.map((c) => [c.id, c.yu])) });
}

function stored(settings: ReportSettings): StoredSettings {
  const { yuChoices, ...rest } = settings;
  return yuChoices ? { ...rest, yuChoiceList: Object.entries(yuChoices).map(([id, yu]) => ({ id, yu })) } : rest;
}

function textsAnswer(caller: Caller, org: OrgDoc, year: number, doc: ReportTextsDoc | null): ReportTextsAnswer {
  return {
    org: consoleOrg(org),
    year,
    texts: textsOf(doc),
    settings: settingsOf(doc),
    version: doc?.version ?? 0,
    updatedAt: doc?.updatedAt ?? null,
    updatedBy: doc?.updatedByName ?? null,
    canWrite: mayWrite(caller, org),
  };
}

export async function getReportTexts(db: Database, caller: Caller, query: { org?: string; year: number }): Promise<ReportTextsAnswer> {
  const org = await readableOrg(db, caller, query.org);
  yearPeriod(query.year);
  return textsAnswer(caller, org, query.year, await readTexts(db, textsId(org.code, query.year)));
}

/**
 * Saves the texts as a new version. With `baseVersion`, an edit made on an older version is refused
 * (CONFLICT with the current version), so two people editing at once never overwrite each other.
 */
export async function saveReportTexts(
  db: Database,
  caller: Caller,
  request: { org?: string; year: number; texts: ReportTexts; settings?: ReportSettings; baseVersion?: number },
  now: Date,
): Promise<ReportTextsAnswer> {
  const org = await writableOrg(db, caller, request.org);
  yearPeriod(request.year);
  const id = textsId(org.code, request.year);
  const at = now.toISOString();
  const saved = await inTransaction(db, async (tx) => {
    const before = await readTexts(tx, id);
    const current = before?.version ?? 0;
    if (request.baseVersion !== undefined && request.baseVersion !== current) {
      throw new AppError('CONFLICT', '报告文字已被别人修改过，请刷新后在最新内容上再改', undefined, current);
    }
    const texts = textsOf(request.texts);
    // Settings left out of the request stay as they were.
    const settings = request.settings ? cleanSettings(request.settings) : settingsOf(before);
    const content = (d: ReportTextsDoc) => JSON.stringify([textsOf(d), settingsOf(d)]);
    // Same texts again (a resend): nothing to version.
    if (before && content(before) === JSON.stringify([texts, settings])) return before;
    const doc: ReportTextsDoc = {
      ...texts,
      ...stored(settings),
      _id: id,
      orgCode: org.code,
      orgPath: org.path,
      year: request.year,
      version: current + 1,
      updatedAt: at,
      updatedBy: caller.openid,
      updatedByName: caller.name,
    };
    const { _id: _ignored, ...body } = doc;
    await tx.collection(REPORT_TEXTS).doc(id).set(body);
    await writeHistory(tx, {
      collection: REPORT_TEXTS,
      recordId: id,
      action: before ? 'update' : 'create',
      by: caller.openid,
      byName: caller.name,
      at,
      version: doc.version,
      before: before ? { ...textsOf(before), ...settingsOf(before), version: before.version } : null,
      after: { ...texts, ...settings, version: doc.version },
      orgPath: org.path,
    });
    return doc;
  });
  return textsAnswer(caller, org, request.year, saved);
}

/**
 * The draft of a unit's year: figures (frozen when closed), the township's texts and settings (its
 * choice of 余 per figure), its own 其他指标 and the 六进 venues. The console and the CLI both build it here.
 */
export async function buildModel(
  db: Database,
  org: Pick<OrgDoc, 'code' | 'name' | 'level'>,
  year: number,
  yu: boolean,
): Promise<{ model: ReportModel; closed: boolean }> {
  const period = yearPeriod(year);
  const [figures, doc, close, extras] = await Promise.all([
    figuresWithClose(db, org.code, period),
    readTexts(db, textsId(org.code, year)),
    closeOf(db, org.code, year),
    reportExtras(db, org.code, period),
  ]);
  const settings = settingsOf(doc);
  const model = buildReport({
    orgName: org.name,
    orgLevel: org.level,
    year,
    figures,
    texts: textsOf(doc),
    options: { yu, yuChoices: settings.yuChoices },
    customFigures: extras.customFigures.filter((c) => figures[c.id] !== undefined),
    sixIntoVenues: extras.sixIntoVenues,
    letter: { addressee: settings.addressee, signer: settings.signer, signDate: settings.signDate },
  });
  return { model, closed: close?.closed === true };
}

export async function reportPreview(db: Database, caller: Caller, query: { org?: string; year: number; yu?: boolean }): Promise<ReportPreviewAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const yu = query.yu === true;
  const { model, closed } = await buildModel(db, org, query.year, yu);
  return { org: consoleOrg(org), year: query.year, yu, closed, model };
}

/** A title as a file name: characters no file system takes (a unit's name is typed by a person) become '_'. */
export const safeFileName = (title: string, extension: string): string => `${title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}.${extension}`;

export async function reportDocx(
  db: Database,
  caller: Caller,
  query: { org?: string; year: number; yu?: boolean },
  files: FileStore,
  now: Date,
): Promise<ReportDocxAnswer> {
  const org = await readableOrg(db, caller, query.org);
  const { model } = await buildModel(db, org, query.year, query.yu === true);
  const content = await renderReportDocx(model);
  // The file is saved under its title wherever it is opened: a browser takes the name from the last
  // segment of the address (the local gateway also says it in Content-Disposition), WeChat from the
  // file the client downloads it to. A folder per draft keeps every draft's address its own.
  const fileName = safeFileName(model.title, 'docx');
  const cloudPath = `reports/${org.code}/${query.year}/${now.getTime()}${query.yu ? '-yu' : ''}/${fileName}`;
  let fileID: string;
  let url: string;
  try {
    fileID = await files.upload(cloudPath, content);
    url = await files.tempUrl(fileID);
  } catch (error) {
    console.error('report upload failed', error);
    throw new AppError('FILE_FAILED');
  }
  return { fileName, fileID, url };
}
