/**
 * Who may talk to the local stack over HTTP at all, decided before any route runs:
 *
 * - Host must be a loopback name (localhost, *.localhost, 127.x.x.x, [::1]) or the host the gateway
 *   was bound to: a page on another name resolving to 127.0.0.1 (DNS rebinding) is refused.
 * - A browser request from another origin is refused. Browsers send `Origin` on every cross-origin
 *   fetch and on every POST/PUT, so a page elsewhere cannot call a function, upload, or plant an
 *   account even with a "simple" request that skips the preflight. Allowed: the gateway's own origin
 *   (the H5 build it serves, under any loopback name) and the app origins it is told of (the H5 dev
 *   server of `npm run dev`). CORS headers name only those origins, never `*`.
 * - Every answer says `X-Content-Type-Options: nosniff`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http-util';

export interface AccessOptions {
  /** The port the gateway listens on (its own origin, under any loopback name). */
  port: number;
  /** The host it was bound to, allowed in Host besides the loopback names. */
  boundHost?: string;
  /** Other origins the app is served from, e.g. `http://127.0.0.1:10086` under `npm run dev`. */
  appOrigins?: readonly string[];
}

const CORS_METHODS = 'GET, HEAD, POST, PUT, OPTIONS';
const CORS_HEADERS = 'content-type, x-fazhi-openid';

/** `localhost`, `*.localhost`, `127.0.0.0/8`, `::1` (brackets and port stripped by the caller). */
export function isLoopbackName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '::1';
}

/** The hostname of a Host header value, without port or IPv6 brackets; '' when unparsable. */
function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

export class Access {
  /** Ports whose loopback origins are the app's: the gateway's own and those of the app origins. */
  private readonly appPorts: Set<number>;
  private readonly appOrigins: Set<string>;

  constructor(private readonly opts: AccessOptions) {
    const origins = (opts.appOrigins ?? []).map((o) => new URL(o));
    this.appOrigins = new Set(origins.map((u) => u.origin));
    this.appPorts = new Set([opts.port, ...origins.filter((u) => isLoopbackName(u.hostname)).map((u) => Number(u.port || 80))]);
  }

  hostAllowed(host: string | undefined): boolean {
    if (!host) return false;
    const name = hostnameOf(host);
    if (!name) return false;
    const bound = this.opts.boundHost;
    return isLoopbackName(name) || (bound !== undefined && !['0.0.0.0', '::'].includes(bound) && name === bound.replace(/^\[|\]$/g, ''));
  }

  /** The gateway's own origin or an app origin, under any loopback name. */
  originAllowed(origin: string): boolean {
    if (this.appOrigins.has(origin)) return true;
    try {
      const u = new URL(origin);
      return u.protocol === 'http:' && this.appPorts.has(Number(u.port || 80)) && this.hostAllowed(u.host);
    } catch {
      return false;
    }
  }

  /**
   * Answers the request itself when it is refused or a preflight, and then returns false; otherwise
   * sets the common headers (CORS for an allowed origin, nosniff) and returns true.
   */
  admit(req: IncomingMessage, res: ServerResponse): boolean {
    res.setHeader('x-content-type-options', 'nosniff');
    if (!this.hostAllowed(req.headers.host)) {
      sendJson(res, 421, { error: { code: 'HOST_NOT_ALLOWED', message: 'this gateway only answers to a loopback host name' } });
      return false;
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      res.setHeader('vary', 'origin');
      if (!this.originAllowed(origin)) {
        sendJson(res, 403, { error: { code: 'ORIGIN_NOT_ALLOWED', message: 'requests from other web pages are refused' } });
        return false;
      }
      res.setHeader('access-control-allow-origin', origin);
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': CORS_METHODS,
        'access-control-allow-headers': CORS_HEADERS,
        'access-control-max-age': '600',
      });
      res.end();
      return false;
    }
    return true;
  }
}
