import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';

/**
 * Packages the app the way a release does (npm run build:electron's Vite config, the real
 * electron-builder.yml and package.json), but into a scratch project with a stub Electron
 * distribution: electron-builder --linux dir -c.electronDist=<stub>. Nothing is downloaded and
 * nothing in the repository (dist/, node_modules) is touched. Then it opens app.asar.
 */

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// js-yaml is what electron-builder itself reads the file with (a dependency of electron-builder).
const yaml = require('js-yaml') as { load(text: string): unknown };

const BuilderConfig = z.object({
  appId: z.string(),
  productName: z.string(),
  directories: z.object({ output: z.string(), buildResources: z.string() }),
  files: z.array(z.string()),
  asar: z.literal(true),
  beforeBuild: z.string(),
  electronFuses: z.record(z.string(), z.boolean()),
  linux: z.object({ target: z.array(z.string()), icon: z.string(), maintainer: z.string(), executableName: z.string() }),
  win: z.object({ target: z.array(z.string()), icon: z.string() }),
});

// Electron's fuse wire (as @electron/fuses reads it): the sentinel, a version byte, a length
// byte, then one byte per fuse, '0' off and '1' on, in this order.
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const fuseOrder = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
// Electron's own defaults, as a freshly downloaded binary has them.
const stockWire = '10110001';

/** A stand-in renderer build: what the test asserts is that exactly the built files get in. */
const rendererFiles = {
  'index.html': '<!doctype html><script type="module" src="./assets/index-stub.js"></script>',
  'favicon.png': 'png',
  'assets/index-stub.js': 'console.log("renderer")',
  'assets/index-stub.css': 'body{}',
  'assets/index-stub.js.map': '{}',
};

let scratch: string;
let project: string;
let config: z.infer<typeof BuilderConfig>;
let asarPath: string;
let unpacked: string;

beforeAll(async () => {
  config = BuilderConfig.parse(yaml.load(await readFile(path.join(repo, 'electron-builder.yml'), 'utf8')));
  scratch = await mkdtemp(path.join(tmpdir(), 'lockstep-builder-'));
  project = path.join(scratch, 'project');

  // The project as electron-builder sees it: the real configuration and hook...
  for (const file of ['package.json', 'electron-builder.yml', 'build/icon.png', config.beforeBuild]) {
    await cp(path.join(repo, file), path.join(project, file));
  }
  // ...decoys that must stay out of the app: sources, tests, docs, a production dependency...
  for (const [file, text] of Object.entries({
    'electron/main.ts': 'export {}',
    'shared/bridge/contract.ts': 'export {}',
    'test/electron/x.test.ts': 'export {}',
    'docs/desktop.md': '# docs',
    'README.md': '# readme',
    'vite.electron.config.ts': 'export {}',
    'node_modules/zod/package.json': '{"name":"zod","version":"4.0.0","main":"index.js"}',
    'node_modules/zod/index.js': 'module.exports = {}',
    'node_modules/better-sqlite3/package.json': '{"name":"better-sqlite3","version":"12.0.0"}',
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node': 'native',
  })) {
    await write(path.join(project, file), text);
  }
  // ...the renderer build and the real main and preload bundles.
  for (const [file, text] of Object.entries(rendererFiles)) await write(path.join(project, 'dist/renderer', file), text);
  const vite = path.join(repo, 'node_modules/vite/bin/vite.js');
  for (const mode of ['main', 'preload']) {
    await run(process.execPath, [vite, 'build', '-c', 'vite.electron.config.ts', '--mode', mode, '--outDir', path.join(project, 'dist/electron'), '--logLevel', 'warn'], { cwd: repo });
  }

  // A stub Electron distribution: one "executable" holding a fuse wire, so the fuse step runs for real.
  const stub = path.join(scratch, 'electron-dist');
  await write(path.join(stub, 'electron'), `#!/bin/sh\nexit 0\n${fuseSentinel}\u0001\u0008${stockWire}\n`);
  await chmod(path.join(stub, 'electron'), 0o755);
  await write(path.join(stub, 'LICENSE'), 'stub');

  const electronVersion = z.object({ version: z.string() }).parse(require('electron/package.json')).version;
  // cwd is the project: electron-builder resolves the hook path against it.
  await run(
    process.execPath,
    [
      path.join(repo, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      '--projectDir',
      project,
      `-c.electronDist=${stub}`,
      `-c.electronVersion=${electronVersion}`,
      '--publish',
      'never',
    ],
    { cwd: project, env: { ...process.env, CI: 'true' } },
  );
  unpacked = path.join(project, config.directories.output, 'linux-unpacked');
  asarPath = path.join(unpacked, 'resources/app.asar');
}, 120_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('electron-builder.yml', () => {
  it('names the app and builds AppImage and deb for Linux, NSIS for Windows', () => {
    expect(config.appId).toBe('io.lockstep.station');
    expect(config.productName).toBe('Lockstep');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.directories.buildResources).toBe('build');
  });

  it('points at an icon in build/ that is large enough for every target (256 px and up)', async () => {
    for (const icon of [config.linux.icon, config.win.icon]) {
      expect(icon.startsWith(`${config.directories.buildResources}/`)).toBe(true);
      const png = await readFile(path.join(repo, icon));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(256);
    }
  });

  it('takes only built output, and leaves node_modules to the bundles', async () => {
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/**', 'package.json']);
    const hook = require(path.join(repo, config.beforeBuild)) as () => Promise<boolean>;
    expect(await hook()).toBe(false);
  });

  it('agrees with package.json on the main entry', async () => {
    const pkg = z.object({ main: z.string() }).parse(JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')));
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toContain(pkg.main);
  });
});

describe('the bundles', () => {
  const requires = async (file: string) =>
    [...(await readFile(path.join(project, 'dist/electron', file), 'utf8')).matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

  it('main requires only electron and Node built-ins: every dependency is bundled', async () => {
    const modules = await requires('main.cjs');
    expect(modules).toContain('electron');
    for (const name of modules) expect(name === 'electron' || name?.startsWith('node:')).toBe(true);
  });

  it('the sandboxed preload requires nothing but electron', async () => {
    expect(new Set(await requires('preload.cjs'))).toEqual(new Set(['electron']));
  });
});

describe('app.asar', () => {
  it('holds exactly the built app: the two bundles, the renderer build without maps, package.json', () => {
    const listing = listPackage(asarPath, { isPack: false }).map((entry) => entry.split(path.sep).join('/'));
    expect(listing.sort()).toEqual(
      [
        '/dist',
        '/dist/electron',
        '/dist/electron/main.cjs',
        '/dist/electron/preload.cjs',
        '/dist/renderer',
        '/dist/renderer/assets',
        '/dist/renderer/assets/index-stub.css',
        '/dist/renderer/assets/index-stub.js',
        '/dist/renderer/favicon.png',
        '/dist/renderer/index.html',
        '/package.json',
      ].sort(),
    );
  });

  it('ships the bundles as built and a package.json whose main is the main bundle', async () => {
    const packaged = z.object({ main: z.string() }).parse(JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')));
    expect(packaged.main).toBe('dist/electron/main.cjs');
    for (const file of ['main.cjs', 'preload.cjs']) {
      expect(extractFile(asarPath, `dist/electron/${file}`).equals(await readFile(path.join(project, 'dist/electron', file)))).toBe(true);
    }
  });

  it('has nothing unpacked beside it: no native modules', async () => {
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(unpacked, 'resources'))).toEqual(['app.asar']);
  });

  it('runs in a binary whose fuses are set as configured', async () => {
    const binary = await readFile(path.join(unpacked, config.linux.executableName));
    const at = binary.indexOf(fuseSentinel) + fuseSentinel.length;
    const wire = binary.subarray(at + 2, at + 2 + fuseOrder.length).toString('latin1');
    const expected = fuseOrder.map((name, i) => {
      const configured = config.electronFuses[name];
      return configured === undefined ? stockWire[i] : configured ? '1' : '0';
    });
    expect(wire).toBe(expected.join(''));
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true, enableNodeCliInspectArguments: false });
  });
});

async function write(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}
