import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds one of the benchmarks' in-page modules (test/bench/browser/) into `<stationOut>/bench/`,
 * beside the station build that is served: the page's policy runs scripts from its own origin
 * only. An ES module is imported by path; an IIFE sets `window[name]` once added as a script.
 */
export async function buildBenchModule(stationOut: string, source: string, out: { fileName: string } & ({ format: 'es' } | { format: 'iife'; name: string })): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: join(stationOut, 'bench'),
      emptyOutDir: true,
      lib: {
        entry: fileURLToPath(new URL(`./browser/${source}`, import.meta.url)),
        formats: [out.format],
        ...(out.format === 'iife' ? { name: out.name } : {}),
        fileName: () => out.fileName,
      },
    },
  });
}
