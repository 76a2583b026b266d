import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig, usage } from './config';
import { startServer } from './server';

/**
 * `npm start`: the central server (embedded SQLite in ./data, demo plant on first start) and the
 * station renderer's `vite preview` together. Ctrl+C (or SIGTERM) stops both; if either stops on
 * its own, the other is stopped too, so nothing is left running.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.argv.slice(2));
  if ('help' in config) {
    console.log(usage);
    return;
  }
  const server = await startServer({ ...config, logger: false });
  console.log(`Lockstep server listening on ${server.url} (data in ${resolve(config.dataDir)})`);

  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const preview = spawn(process.execPath, [vite, 'preview'], { stdio: 'inherit' });

  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    if (preview.exitCode === null) preview.kill('SIGTERM');
    server.close().then(
      () => process.exit(code),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  preview.on('exit', (code) => {
    if (!stopping) console.error(`The station preview stopped (exit ${String(code)}): stopping the server too`);
    stop(code ?? 1);
  });
  process.on('SIGINT', () => { stop(0); });
  process.on('SIGTERM', () => { stop(0); });
}

main().catch((error: unknown) => {
  console.error(`Lockstep could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
