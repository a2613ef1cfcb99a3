/** The report's file store on CloudBase storage (the local gateway serves the same SDK calls). */
import { cloudApp } from '../cloudbase';
import type { FileStore } from './report';

/** Temporary download addresses live an hour: long enough to open, short enough not to leak. */
const URL_SECONDS = 3600;

export function cloudFileStore(): FileStore {
  return {
    async upload(cloudPath, content) {
      const { fileID } = await cloudApp().uploadFile({ cloudPath, fileContent: content });
      return fileID;
    },
    async tempUrl(fileID) {
      const { fileList } = await cloudApp().getTempFileURL({ fileList: [{ fileID, maxAge: URL_SECONDS }] });
      const url = fileList[0]?.tempFileURL;
      if (!url) throw new Error(`no temporary URL for ${fileID}: ${fileList[0]?.code ?? 'no answer'}`);
      return url;
    },
  };
}
