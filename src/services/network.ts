/**
 * Whether the phone has a network, and being told when that changes. On the phone WeChat reports it
 * (Taro.onNetworkStatusChange). Taro's browser build only listens to navigator.connection's `change`,
 * which does not fire when the browser goes offline or online, so the browser build listens to the
 * window's `online`/`offline` events instead — the one platform difference here.
 */
import Taro from '@tarojs/taro';

export type NetworkListener = (online: boolean) => void;

let known: boolean | undefined;

/** False only when the platform says there is no network; unknown counts as online (a try decides). */
export function isOnline(): boolean {
  if (process.env.TARO_ENV === 'h5' && typeof navigator !== 'undefined') return navigator.onLine !== false;
  return known !== false;
}

/** Calls `listener` on every change; answers a function that stops listening. */
export function onNetworkChange(listener: NetworkListener): () => void {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    const up = () => listener(true);
    const down = () => listener(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }
  const handler = (res: { isConnected: boolean }) => {
    known = res.isConnected;
    listener(res.isConnected);
  };
  Taro.onNetworkStatusChange(handler);
  Taro.getNetworkType()
    .then((res) => {
      known = res.networkType !== 'none';
    })
    .catch(() => undefined);
  return () => Taro.offNetworkStatusChange(handler);
}
