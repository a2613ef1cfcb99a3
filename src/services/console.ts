/**
 * Typed calls to the console function (one per action of src/domain/console/api.ts), and opening the
 * report's .docx: WeChat downloads it and opens it in its document viewer; the browser build lets the
 * browser download it.
 */
import Taro from '@tarojs/taro';
import { browserDownload, downloadTo, isPcWechat } from './files';
import type { ReportDocxAnswer } from '../domain/console/api';
import type { DrillQuery } from '../domain/contract/console';
import type { ReportSettings, ReportTexts } from '../domain/report/types';
import { ApiError } from './errors';
import { callFunction } from './transport';

export const getOverview = (year: number, org?: string) => callFunction('console', { action: 'overview', year, org });
export const getByVillage = (year: number, ids: string[], org?: string) => callFunction('console', { action: 'byVillage', year, ids, org });
export const getByMonth = (year: number, ids: string[], org?: string) => callFunction('console', { action: 'byMonth', year, ids, org });
export const getTrend = (year: number, ids: string[], org?: string) => callFunction('console', { action: 'trend', year, ids, org });

export type { DrillQuery };
export const getDrill = (query: DrillQuery) => callFunction('console', { action: 'records', ...query });

export const getQuality = (year: number, org?: string) => callFunction('console', { action: 'quality', year, org });

export const getReportTexts = (year: number, org?: string) => callFunction('console', { action: 'reportTexts', year, org });
export const saveReportTexts = (year: number, texts: ReportTexts, baseVersion: number, org?: string, settings?: ReportSettings) =>
  callFunction('console', { action: 'saveReportTexts', year, texts, baseVersion, org, ...(settings ? { settings } : {}) });
export const getReportPreview = (year: number, yu: boolean, org?: string) => callFunction('console', { action: 'reportPreview', year, yu, org });
export const makeReportDocx = (year: number, yu: boolean, org?: string) => callFunction('console', { action: 'reportDocx', year, yu, org });

export const getCloseState = (year: number, org?: string) => callFunction('console', { action: 'closeState', year, org });
export const closeYear = (year: number, org?: string, reason?: string) =>
  callFunction('console', { action: 'close', year, org, ...(reason ? { reason } : {}) });
export const reopenYear = (year: number, org?: string) => callFunction('console', { action: 'reopen', year, org });

const FILE_MESSAGE = '文件打开失败，可复制下载链接到电脑上打开';

/**
 * Gets a generated file (the report's .docx, a ledger's .xlsx) to the person: on the phone WeChat's
 * document viewer (which can forward or save it), in PC WeChat the computer's "save as" dialog, in
 * the browser a download.
 */
export async function openReportFile(file: ReportDocxAnswer, fileType: 'docx' | 'xlsx' = 'docx'): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      // Saved under the report's own name, which the document viewer shows and shares it as.
      const filePath = await downloadTo(file.url, file.fileName);
      if (isPcWechat()) {
        await Taro.saveFileToDisk({ filePath });
      } else {
        await Taro.openDocument({ filePath, fileType, showMenu: true });
      }
    } catch {
      throw new ApiError('FILE', FILE_MESSAGE);
    }
    return;
  }
  if (!browserDownload(file.url, file.fileName)) throw new ApiError('FILE', FILE_MESSAGE);
}

/** Puts the download address on the clipboard, to open the file on a computer. */
export async function copyText(text: string): Promise<void> {
  await Taro.setClipboardData({ data: text });
}
