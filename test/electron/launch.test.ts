import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronAvailable, runCli, systemProbe, unavailableMessage, type LaunchProbe } from '../../electron/launch';

const repo = path.resolve(import.meta.dirname, '../..');

/** A machine described by a few facts; everything unlisted is the happy case. */
function machine(facts: Partial<{ packageDir: string | null; pathTxt: string | null; executable: boolean; env: Record<string, string>; platform: NodeJS.Platform; runs: string | null }> = {}) {
  const checked: string[] = [];
  const probe: LaunchProbe = {
    env: facts.env ?? { DISPLAY: ':0' },
    platform: facts.platform ?? 'linux',
    packageDir: () => (facts.packageDir === undefined ? '/app/node_modules/electron' : facts.packageDir),
    readText: (file) => (file === '/app/node_modules/electron/path.txt' ? (facts.pathTxt === undefined ? 'electron' : facts.pathTxt) : null),
    isExecutable: (file) => {
      checked.push(file);
      return facts.executable ?? true;
    },
    runs: () => (facts.runs === undefined || facts.runs === null ? { ok: true } : { ok: false, reason: facts.runs }),
  };
  return { probe, checked };
}

describe('is Electron available?', () => {
  it('yes, with the binary the electron package names', () => {
    expect(electronAvailable(machine().probe)).toEqual({ ok: true, path: '/app/node_modules/electron/dist/electron' });
  });

  it.each([
    ['the package is not installed', { packageDir: null }, /not installed/],
    ['the binary was never downloaded', { pathTxt: null }, /never downloaded .*path\.txt/],
    ['path.txt is empty', { pathTxt: '  \n' }, /never downloaded/],
    ['the binary is missing', { executable: false }, /missing or not executable/],
    ['there is no display', { env: {} }, /no display/],
    ['it does not start', { runs: 'error while loading shared libraries: libnss3.so' }, /does not start \(error while loading shared libraries/],
  ])('no, when %s, and says why', (_label, facts, reason) => {
    const result = electronAvailable(machine(facts).probe);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('accepts Wayland as a display, and needs none on Windows', () => {
    expect(electronAvailable(machine({ env: { WAYLAND_DISPLAY: 'wayland-0' } }).probe).ok).toBe(true);
    expect(electronAvailable(machine({ env: {}, platform: 'win32' }).probe).ok).toBe(true);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH the way the electron package does', () => {
    const { probe, checked } = machine({ pathTxt: null, env: { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' } });
    expect(electronAvailable(probe)).toEqual({ ok: true, path: '/opt/electron/electron' });
    expect(checked).toEqual(['/opt/electron/electron']);
  });

  it('prints the browser fallback with the station’s URL', () => {
    expect(unavailableMessage('http://127.0.0.1:4173/', 'its binary was never downloaded')).toBe(
      'Electron is not available on this machine: open the station at http://127.0.0.1:4173/ in any Chromium-based browser.\n(its binary was never downloaded)',
    );
  });
});

describe('the real probe', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'lockstep-launch-'));
    // A stand-in electron package whose "binary" answers --version as Electron run as Node would.
    await mkdir(path.join(scratch, 'electron/dist'), { recursive: true });
    await writeFile(path.join(scratch, 'electron/path.txt'), 'electron');
    await writeFile(path.join(scratch, 'electron/dist/electron'), '#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] && echo v22.20.0 && exit 0\nexit 3\n');
    await chmod(path.join(scratch, 'electron/dist/electron'), 0o755);
    await mkdir(path.join(scratch, 'empty'), { recursive: true });
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('finds and starts a binary that is there', () => {
    const probe = systemProbe({ packageDir: path.join(scratch, 'electron'), env: { DISPLAY: ':0', PATH: process.env.PATH ?? '' } });
    expect(electronAvailable(probe)).toEqual({ ok: true, path: path.join(scratch, 'electron/dist/electron') });
  });

  it('reports a package without a downloaded binary, without downloading', () => {
    const probe = systemProbe({ packageDir: path.join(scratch, 'empty'), env: { DISPLAY: ':0' } });
    expect(electronAvailable(probe)).toMatchObject({ ok: false, reason: expect.stringMatching(/never downloaded/) as string });
  });

  it('finds the installed electron package by its package.json, and never requires it', () => {
    const dir = systemProbe().packageDir();
    expect(dir).toBe(path.join(repo, 'node_modules/electron'));
  });
});

describe('the CLI', () => {
  it('prints the path and exits 0 when Electron is there', () => {
    const out: string[] = [];
    const code = runCli([], { stdout: (t) => out.push(t), stderr: (t) => out.push(`!${t}`) }, machine().probe);
    expect(code).toBe(0);
    expect(out).toEqual(['/app/node_modules/electron/dist/electron']);
  });

  it('prints the browser message with the given URL on stderr and exits 1 when not', () => {
    const out: string[] = [];
    const code = runCli(['--url', 'http://127.0.0.1:5000/'], { stdout: (t) => out.push(t), stderr: (t) => out.push(`!${t}`) }, machine({ pathTxt: null }).probe);
    expect(code).toBe(1);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^!Electron is not available on this machine: open the station at http:\/\/127\.0\.0\.1:5000\/ in any Chromium-based browser\./);
  });

  it('answers in JSON when asked', () => {
    const out: string[] = [];
    runCli(['--json', '--url', 'http://x/'], { stdout: (t) => out.push(t), stderr: (t) => out.push(t) }, machine({ env: {} }).probe);
    expect(JSON.parse(out[0] ?? '')).toMatchObject({ ok: false, reason: expect.stringMatching(/no display/) as string, message: expect.stringContaining('http://x/') as string });
  });

  it('runs as a script through tsx, exiting 1 when Electron is not there', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'electron/launch.ts', '--json'], {
      cwd: repo,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(tmpdir(), 'lockstep-no-electron-here') },
    });
    // execFile rejects on a non-zero exit, with the output and the exit code on the error.
    const failed = (await run.then(
      () => null,
      (error: unknown) => error,
    )) as { code: number; stdout: string } | null;
    expect(failed?.code).toBe(1);
    expect(JSON.parse(failed?.stdout ?? '')).toMatchObject({ ok: false, reason: expect.stringMatching(/missing or not executable/) as string });
  });
});
