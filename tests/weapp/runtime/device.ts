/**
 * What outlives the mini-program on a phone: WeChat storage (values kept as WeChat serialises them)
 * and the files of the user data folder. Killing the app keeps the device; a new install does not.
 */
export interface Device {
  storage: Map<string, string>;
  files: Map<string, Buffer>;
}

export const newDevice = (): Device => ({ storage: new Map(), files: new Map() });
