import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Electron cannot be loaded in a test (nor on this build machine: requiring it tries to download
 * its binary), so the code that needs it is kept to two thin files. This holds the line: any
 * other module under electron/ gets Electron's objects as parameters.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const edges = ['main.ts', 'preload.ts'];

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(repo, dir), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|tsx|cts|mts|cjs|js)$/.test(e.name)).map((e) => path.relative(repo, path.join(e.parentPath, e.name)));
}

/** Import specifiers that load a module at run time (type-only imports and comments load nothing). */
function runtimeImports(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) found.push(m[1] ?? '');
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(m[1] ?? '');
  for (const m of text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1] ?? '');
  return found;
}

describe('the Electron edge', () => {
  it('only main.ts and preload.ts load electron', async () => {
    const loaders: string[] = [];
    for (const file of await sources('electron')) {
      if (runtimeImports(await readFile(path.join(repo, file), 'utf8')).some((s) => s === 'electron' || s.startsWith('electron/'))) loaders.push(path.basename(file));
    }
    expect(loaders.sort()).toEqual(edges);
  });

  it('no test loads main.ts or preload.ts', async () => {
    for (const file of await sources('test')) {
      const imports = runtimeImports(await readFile(path.join(repo, file), 'utf8'));
      expect(imports.filter((s) => /electron\/(main|preload)(\.ts)?$/.test(s)), file).toEqual([]);
      expect(imports, file).not.toContain('electron');
    }
  });
});
