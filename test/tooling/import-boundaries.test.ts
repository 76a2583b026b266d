import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints small snippets with the project's real eslint.config.js, as if they were files in
// each part, and keeps only the boundary rule: type information is not needed for it, so
// the project service is switched off and the test stays fast.
const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
  },
});

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((message) => message.fatal === true);
  expect(fatal).toEqual([]);
  return result.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('import boundaries', () => {
  it.each([
    ["import { App } from '../renderer/App';", 'a relative import of renderer/'],
    ["import { start } from '../../server/http/app';", 'a relative import of server/'],
    ["import { bridge } from '../electron/preload';", 'a relative import of electron/'],
    ["import { readFile } from 'node:fs';", 'a node: builtin'],
    ["import { readFile } from 'fs/promises';", 'a bare Node builtin subpath'],
    ["import { randomUUID } from 'crypto';", 'a bare Node builtin'],
    ["import { app } from 'electron';", 'electron'],
    ["import { useState } from 'react';", 'react'],
    ["import Dexie from 'dexie';", 'dexie'],
  ])('rejects %s in shared/ (%s)', async (code) => {
    const errors = await boundaryErrors('shared/engine/apply.ts', code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('shared/ runs everywhere');
  });

  it('lets shared/ import its own modules and zod', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { runSchema } from './schemas';",
      "import { serverTime } from '../domain/server-time';",
      'export { z, runSchema, serverTime };',
    ].join('\n');
    expect(await boundaryErrors('shared/engine/apply.ts', code)).toEqual([]);
  });

  it('rejects server/, electron/, Node and Electron imports in renderer/', async () => {
    for (const code of [
      "import { x } from '../server/x';",
      "import { x } from '../../electron/preload';",
      "import { join } from 'node:path';",
      "import { ipcRenderer } from 'electron';",
    ]) {
      const errors = await boundaryErrors('renderer/src/App.tsx', code);
      expect(errors, code).toHaveLength(1);
      expect(errors[0]).toContain('renderer/');
    }
  });

  it('lets renderer/ import shared/ and React', async () => {
    const code =
      "import { useState } from 'react';\nimport { runSchema } from '../../shared/schemas/run';\nexport { useState, runSchema };";
    expect(await boundaryErrors('renderer/src/App.tsx', code)).toEqual([]);
  });

  it('keeps server/ and electron/ apart', async () => {
    expect(await boundaryErrors('server/app.ts', "import { w } from '../electron/main';")).toHaveLength(1);
    expect(await boundaryErrors('server/app.ts', "import { App } from '../renderer/src/App';")).toHaveLength(1);
    expect(await boundaryErrors('electron/main.ts', "import { s } from '../server/app';")).toHaveLength(1);
    expect(await boundaryErrors('electron/main.ts', "import { App } from '../renderer/src/App';")).toHaveLength(1);
    expect(
      await boundaryErrors('server/app.ts', "import { createServer } from 'node:http';\nexport { createServer };"),
    ).toEqual([]);
  });
});
