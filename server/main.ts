import { resolve } from 'node:path';
import { parseConfig, usage } from './config';
import { startServer } from './server';

/** `npm run server -- --port 4650 --data ./data`: starts the central server until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
  if ('help' in config) {
    console.log(usage);
    return;
  }
  const started = Date.now();
  const server = await startServer(config);
  console.log(`Lockstep server listening on ${server.url} (data in ${resolve(config.dataDir)}, ready in ${String(Date.now() - started)} ms)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Lockstep server stopping (${signal})`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => { stop('SIGINT'); });
  process.on('SIGTERM', () => { stop('SIGTERM'); });
}

main().catch((error: unknown) => {
  console.error(`Lockstep server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
