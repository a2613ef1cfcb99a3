/**
 * Getting a file the functions made (a temporary download address) to the person: shared by the
 * report's .docx and the villages' code images.
 */
import Taro from '@tarojs/taro';

/** PC WeChat (Windows, Mac) saves files to the computer; it has no document viewer of its own. */
const PC_PLATFORMS = ['windows', 'mac'];

export function isPcWechat(): boolean {
  return PC_PLATFORMS.includes(Taro.getDeviceInfo().platform);
}

/**
 * WeChat: downloads `url` into the user data folder under `fileName` (the name the document viewer
 * and the "save as" dialog show); answers the path, or an error when the download did not succeed.
 */
export async function downloadTo(url: string, fileName: string): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  const { statusCode } = await Taro.downloadFile({ url, filePath });
  if (statusCode !== 200) throw new Error(`download ${statusCode}`);
  return filePath;
}

/** The browser build: the browser's own download of `url` as `fileName`. false: no document here. */
export function browserDownload(url: string, fileName: string): boolean {
  if (typeof document === 'undefined') return false;
  // `download` names the file when the address is on the app's origin; on another origin (the dev
  // server and the gateway) the browser takes the name the storage answer gives (Content-Disposition).
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.target = '_blank';
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  return true;
}
