import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { parseConfig, usage } from './config';
import { demoEnrolmentCode } from './seed/demoUsers';
import { startServer } from './server';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What electron/launch.ts answers with --json (it is run, not imported: server/ never imports electron/). */
const Availability = z.union([
  z.object({ ok: z.literal(true), path: z.string() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

function electronAvailability(url: string): z.infer<typeof Availability> {
  const tsx = resolve(root, 'node_modules/tsx/dist/cli.mjs');
  const probe = spawnSync(process.execPath, [tsx, resolve(root, 'electron/launch.ts'), '--url', url, '--json'], { encoding: 'utf8' });
  try {
    return Availability.parse(JSON.parse(probe.stdout));
  } catch {
    return { ok: false, message: `Electron could not be checked: open the station at ${url} in any Chromium-based browser.` };
  }
}

/**
 * `npm start`: the central server (embedded SQLite in ./data, demo plant on first start) serving
 * the built station, and the desktop station itself when Electron can run here; otherwise it
 * says so and the station is opened in a browser at the server's address. Ctrl+C (or SIGTERM)
 * stops everything; if the desktop station closes, the server stops too.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.argv.slice(2));
  if ('help' in config) {
    console.log(usage);
    return;
  }
  const server = await startServer({ ...config, logger: false, stationDir: resolve(root, 'dist/renderer') });
  const stationUrl = `${server.url}/`;
  console.log(`Lockstep server listening on ${server.url} (data in ${resolve(config.dataDir)})`);
  console.log(`Enrol a station with the server address ${server.url} and the code ${demoEnrolmentCode}.`);

  let desktop: ChildProcess | null = null;
  const electron = electronAvailability(stationUrl);
  if (electron.ok) {
    console.log('Starting the desktop station (Electron)…');
    desktop = spawn(electron.path, [root], { stdio: 'inherit', env: { ...process.env, LOCKSTEP_SERVER_URL: server.url } });
  } else {
    console.log(electron.message);
    console.log(`Station: ${stationUrl}`);
  }

  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    if (desktop && desktop.exitCode === null) desktop.kill('SIGTERM');
    server.close().then(
      () => process.exit(code),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  desktop?.on('exit', (code) => {
    if (!stopping) console.log(`The desktop station closed (exit ${String(code)}): stopping the server`);
    stop(code ?? 0);
  });
  process.on('SIGINT', () => { stop(0); });
  process.on('SIGTERM', () => { stop(0); });
}

main().catch((error: unknown) => {
  console.error(`Lockstep could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
