/**
 * The console's ledger calls: 其他指标 per year, and a ledger file chosen on the phone or computer,
 * uploaded to the unit's import folder and imported (dry run, then for real), or exported for download.
 * - weapp: the file comes from a chat (chooseMessageFile) and goes up with Taro.cloud.uploadFile;
 * - h5 (the local stack): a file input, uploaded with `POST /api/upload` like photos.
 */
import Taro from '@tarojs/taro';
import { importFolder } from '../domain/console/ledger-api';
import { ApiError, NETWORK_MESSAGE } from './errors';
import { postUpload } from './photos';
import { callFunction } from './transport';

export const getManualFigures = (year: number, org?: string) => callFunction('console', { action: 'manualFigures', year, org });

export const saveManualFigure = (entry: { year: number; code: string; label?: string; unit?: string; value: string }) =>
  callFunction('console', { action: 'saveManualFigure', ...entry });

export const exportLedger = (period: string, org?: string) => callFunction('console', { action: 'exportLedger', period, org });

export const importLedger = (fileID: string, dryRun: boolean) => callFunction('console', { action: 'importLedger', fileID, dryRun });

/** A chosen file: its name, and where its bytes are (a weapp temp path, or the browser's File). */
export interface ChosenFile {
  name: string;
  size: number;
  path?: string;
  blob?: Blob;
}

const isWeapp = () => process.env.TARO_ENV === 'weapp';
const UPLOAD_FAILED = '文件上传失败，请重新选择文件再试';
const REFUSALS = {
  failed: new ApiError('UPLOAD_FAILED', UPLOAD_FAILED),
  unsupported: new ApiError('NOT_XLSX', '这个文件不是 Excel（.xlsx）文件，请在 Excel 或 WPS 中另存为 .xlsx 后再选'),
  taken: new ApiError('UPLOAD_FAILED', UPLOAD_FAILED),
};

/** Asks for one .xlsx file; null when the person cancels. */
export async function chooseLedgerFile(): Promise<ChosenFile | null> {
  if (isWeapp()) {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
      const file = res.tempFiles[0];
      return file ? { name: file.name, size: file.size, path: file.path } : null;
    } catch {
      return null;
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.id = 'ledger-file-input';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { name: file.name, size: file.size, blob: file } : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Puts the file in the unit's import folder; answers its fileID. */
export async function uploadLedgerFile(file: ChosenFile, orgCode: string): Promise<string> {
  // An ASCII name: the township's file name may be anything, the stored path need not show it.
  const cloudPath = `${importFolder(orgCode)}ledger-${Date.now()}.xlsx`;
  if (file.blob) return postUpload(file.blob, cloudPath, REFUSALS);
  if (!file.path) throw new ApiError('UPLOAD_FAILED', UPLOAD_FAILED);
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
    if (!res.fileID) throw new Error('no fileID');
    return res.fileID;
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
}
