import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Builds the station renderer (renderer/) into dist/renderer. base './' so the same build
// loads from file:// in Electron and from any path over HTTP.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    // RENDERER_OUT lets a second checkout build beside this one without overwriting it.
    outDir: resolve(process.env['RENDERER_OUT'] ?? fileURLToPath(new URL('./dist/renderer', import.meta.url))),
    emptyOutDir: true,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
});
