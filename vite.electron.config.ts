import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the Electron main process and preload into dist/electron as CommonJS bundles
// (npm run build:electron runs it twice: --mode main, then --mode preload). Everything but
// `electron` and Node's own modules is bundled in, so the packaged app needs no node_modules
// (see electron-builder.yml). The preload is built on its own: a sandboxed preload can
// require only `electron` (and a few Node shims), never a chunk file next to it, so it must be
// one self-contained file.
const entries = {
  main: 'electron/main.ts',
  preload: 'electron/preload.ts',
} as const;

export default defineConfig(({ mode }) => {
  if (mode !== 'main' && mode !== 'preload') {
    throw new Error(`vite.electron.config.ts: --mode main or --mode preload, not ${JSON.stringify(mode)}`);
  }
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    // No public dir, no .env files: this build has no use for them.
    publicDir: false,
    envDir: false,
    build: {
      // Electron 45 runs Node 22 in main and Chromium 140 in the preload.
      target: mode === 'main' ? 'node22' : 'chrome140',
      outDir: 'dist/electron',
      // The main build starts from an empty folder; the preload build adds to it.
      emptyOutDir: mode === 'main',
      ssr: entries[mode],
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        external: ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
        output: {
          format: 'cjs',
          entryFileNames: `${mode}.cjs`,
          codeSplitting: false,
        },
      },
    },
    // Bundle every dependency (zod, the shared code): nothing is left to resolve at run time.
    ssr: { noExternal: true, target: 'node' },
  };
});
