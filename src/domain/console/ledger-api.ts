/**
 * The console's ledger actions (issue 15 item 4): a township's 其他指标 per year, entered in the app,
 * and its ledger file imported (dry run first, then for real) and exported — through the same import
 * and export code as the command line (cloudfunctions/lib/ledger).
 */
import type { ManualFigureInfo } from '../indicators/manual';
import type { ConsoleOrg } from './api';

/** One 其他指标 the unit entered for the year, with its version (older versions are kept in history). */
export interface ManualFigureEntry {
  code: string;
  label: string;
  unit: string;
  value: number;
  /** A code of INDICATORS.md's catalogue, or the township's own. */
  catalogue: boolean;
  version: number;
  updatedAt: string | null;
  /** Who first entered it. */
  recorderName: string | null;
}

export interface ManualFiguresAnswer {
  org: ConsoleOrg;
  year: number;
  /** The catalogue's codes, offered whether entered or not. */
  catalogue: readonly ManualFigureInfo[];
  entries: ManualFigureEntry[];
  canWrite: boolean;
}

/** One problem of a ledger file, where it is: sheet, Excel row (header = 1), column. */
export interface LedgerFileProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export interface LedgerImportAnswer {
  ok: boolean;
  dryRun: boolean;
  written: boolean;
  sheets: { sheet: string; added: number; updated: number; unchanged: number }[];
  problems: LedgerFileProblem[];
  warnings: LedgerFileProblem[];
}

export interface LedgerFileAnswer {
  fileName: string;
  fileID: string;
  url: string;
}

/**
 * Where the app puts a ledger file to import: the unit's folder, which the function checks, so an
 * admin imports only files put there for their own unit (the app knows its unit's code, not its openid).
 */
export const importFolder = (orgCode: string): string => `imports/${orgCode}/`;
