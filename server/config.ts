import { parseArgs } from 'node:util';
import { defaultTokenTtlMs, type ServerOptions } from './server';

export const usage = `Usage: npm run server -- [options]
  --port N          port to listen on (default 4650; 0 picks a free one)
  --host H          address to listen on (default 127.0.0.1; 0.0.0.0 for the plant network)
  --data DIR        data folder holding the SQLite database (default ./data)
  --no-demo         do not seed the demo plant into an empty database
  --seed-runs N     add N runs for benchmarks (bulk insert)
  --station DIR     also serve a built station (npm run build:renderer writes dist/renderer) at /
  --token-days N    days a station token stays valid (default 180)
  --quiet           no request log
  --help            this text`;

/** Command-line flags to server options; a bad flag is a clear message, not a stack trace. */
export function parseConfig(argv: readonly string[]): ServerOptions | { help: true } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '4650' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: './data' },
      'no-demo': { type: 'boolean', default: false },
      'seed-runs': { type: 'string', default: '0' },
      station: { type: 'string' },
      'token-days': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return { help: true };
  const integer = (name: string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${String(min)} to ${String(max)}, not "${text}"`);
    return n;
  };
  return {
    port: integer('port', values.port, 0, 65535),
    host: values.host,
    dataDir: values.data,
    demo: !values['no-demo'],
    seedRuns: integer('seed-runs', values['seed-runs'], 0, 10_000_000),
    tokenTtlMs: values['token-days'] === undefined ? defaultTokenTtlMs : integer('token-days', values['token-days'], 1, 3650) * 86_400_000,
    logger: !values.quiet,
    ...(values.station === undefined ? {} : { stationDir: values.station }),
  };
}
