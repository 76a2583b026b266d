import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Can this machine run the station in Electron? `require('electron')` cannot answer: when the
 * binary is missing it tries to download it (and throws where downloads are blocked). This looks
 * for the binary the way node_modules/electron/index.js does, without ever downloading, and then
 * checks that it can actually start: present, executable, a display to open a window on, and it
 * runs (shared libraries present). `npm start` uses it to pick Electron or the browser.
 */
export type ElectronAvailability = { ok: true; path: string } | { ok: false; reason: string };

/** Everything electronAvailable asks of the machine, so tests can answer instead. */
export interface LaunchProbe {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** node_modules/electron, or null when the package is not installed. */
  packageDir(): string | null;
  /** A file's text, or null when it cannot be read. */
  readText(file: string): string | null;
  isExecutable(file: string): boolean;
  /** Starts the binary as plain Node (ELECTRON_RUN_AS_NODE=1 --version): it loads, or why not. */
  runs(file: string): { ok: true } | { ok: false; reason: string };
}

export function electronAvailable(probe: LaunchProbe = systemProbe()): ElectronAvailability {
  const dir = probe.packageDir();
  if (dir === null) return unavailable('the electron package is not installed (run npm install)');
  // path.txt names the executable inside dist/; electron's install script writes it after a download.
  const executable = probe.readText(path.join(dir, 'path.txt'))?.trim() ?? '';
  const override = probe.env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary: string;
  if (override !== undefined && override !== '') {
    binary = path.join(override, executable === '' ? defaultExecutable(probe.platform) : executable);
  } else if (executable === '') {
    return unavailable(`its binary was never downloaded (${path.join(dir, 'path.txt')} is missing)`);
  } else {
    binary = path.join(dir, 'dist', executable);
  }
  if (!probe.isExecutable(binary)) return unavailable(`${binary} is missing or not executable`);
  if (probe.platform === 'linux' && !probe.env.DISPLAY && !probe.env.WAYLAND_DISPLAY) {
    return unavailable('there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)');
  }
  const runs = probe.runs(binary);
  if (!runs.ok) return unavailable(`${binary} does not start (${runs.reason})`);
  return { ok: true, path: binary };
}

/** What `npm start` prints when it falls back to the browser. */
export function unavailableMessage(url: string, reason: string): string {
  return `Electron is not available on this machine: open the station at ${url} in any Chromium-based browser.\n(${reason})`;
}

function defaultExecutable(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

const unavailable = (reason: string): ElectronAvailability => ({ ok: false, reason });

export interface SystemProbeOptions {
  /** Where to look instead of resolving the installed electron package (tests). */
  packageDir?: string | null;
  env?: Readonly<Record<string, string | undefined>>;
  timeoutMs?: number;
}

/** The real machine. */
export function systemProbe(options: SystemProbeOptions = {}): LaunchProbe {
  const env = options.env ?? process.env;
  return {
    env,
    platform: process.platform,
    packageDir() {
      if (options.packageDir !== undefined) return options.packageDir;
      try {
        // package.json, not the package itself: requiring `electron` is what would download.
        return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
      } catch {
        return null;
      }
    },
    readText(file) {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
    isExecutable(file) {
      try {
        accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    runs(file) {
      const result = spawnSync(file, ['--version'], {
        env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
        encoding: 'utf8',
        timeout: options.timeoutMs ?? 15_000,
      });
      if (result.error) return { ok: false, reason: result.error.message };
      if (result.status !== 0) return { ok: false, reason: (result.stderr.trim().split('\n')[0] ?? '') || `exit code ${String(result.status)}` };
      return { ok: true };
    },
  };
}

/**
 * CLI: `tsx electron/launch.ts [--url <station URL>] [--json]`. Available: prints the binary's
 * path and exits 0. Not available: prints the browser message on stderr (or, with --json, the
 * result on stdout) and exits 1.
 */
export function runCli(argv: readonly string[], out: { stdout: (text: string) => void; stderr: (text: string) => void }, probe?: LaunchProbe): number {
  const urlAt = argv.indexOf('--url');
  const url = urlAt >= 0 ? (argv[urlAt + 1] ?? '') : 'http://127.0.0.1:4173/';
  const result = electronAvailable(probe);
  if (argv.includes('--json')) {
    out.stdout(JSON.stringify(result.ok ? result : { ...result, message: unavailableMessage(url, result.reason) }));
  } else if (result.ok) {
    out.stdout(result.path);
  } else {
    out.stderr(unavailableMessage(url, result.reason));
  }
  return result.ok ? 0 : 1;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  });
}
