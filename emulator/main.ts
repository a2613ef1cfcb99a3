/**
 * CLI: `npm run gateway -- --port <port> --data <dir> [--functions <dir>] [--static <dir>] [--env <id>]`
 * (plus --workers <min>:<max>, --fn-timeout <ms>, --verbose, --dev to serve the dev sign-in's
 * routes, --app-origin <origin> for another origin the H5 app is served from). Runs in the foreground, prints
 * `gateway ready http://127.0.0.1:PORT` once it accepts requests, and stops cleanly on SIGTERM/SIGINT.
 */
import { startGateway, type GatewayOptions } from './gateway';

function parseArgs(argv: string[]): GatewayOptions {
  const opts: GatewayOptions = { dataDir: '.data/gateway', port: 0 };
  const need = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--port':
        opts.port = Number(need(i++, a));
        break;
      case '--data':
        opts.dataDir = need(i++, a);
        break;
      case '--functions':
        opts.functionsDir = need(i++, a);
        break;
      case '--static':
        opts.staticDir = need(i++, a);
        break;
      case '--env':
        opts.envId = need(i++, a);
        break;
      case '--host':
        opts.host = need(i++, a);
        break;
      case '--workers': {
        const [min, max] = need(i++, a).split(':').map(Number);
        opts.minWorkers = min;
        opts.maxWorkers = max ?? Math.max(min, 4);
        break;
      }
      case '--fn-timeout':
        opts.functionTimeoutMs = Number(need(i++, a));
        break;
      case '--verbose':
        opts.verbose = true;
        break;
      case '--dev':
        opts.dev = true;
        break;
      case '--app-origin':
        opts.appOrigins = [...(opts.appOrigins ?? []), need(i++, a)];
        break;
      default:
        throw new Error(`unknown argument: ${a}`);
    }
  }
  if (!Number.isInteger(opts.port) || (opts.port as number) < 0) throw new Error('--port must be a port number');
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const gw = await startGateway(opts);
  console.log(`gateway ready ${gw.url} (env ${gw.envId}, data ${gw.dataDir})`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.error(`gateway: ${signal}, shutting down`);
    gw.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`gateway failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
