// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries between the parts (see README "Layout"): shared/ imports none of the
// others; renderer/, electron/ and server/ import shared/ and never each other.
const nodeBuiltins = [
  'fs',
  'path',
  'crypto',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
];

/**
 * A relative import that passes through a folder of that name (`../renderer/App`,
 * `../../server`). Bare package names such as `electron` are matched by moduleRegex.
 * @param {readonly string[]} folders
 */
const folderRegex = (folders) => `^\\.{1,2}/(.+/)?(${folders.join('|')})(/|$)`;

/** @param {readonly string[]} names bare module names; their subpaths (name/x) are matched too */
const moduleRegex = (names) => `^(${names.join('|')})(/.*)?$`;

/**
 * @param {{ folders?: string[], modules?: string[], nodeBuiltins?: boolean, message: string }} rule
 * @returns {import('eslint').Linter.RulesRecord}
 */
function boundary({ folders = [], modules = [], nodeBuiltins: noNode = false, message }) {
  /** @type {Array<{ regex: string, message: string }>} */
  const patterns = [];
  if (folders.length > 0) patterns.push({ regex: folderRegex(folders), message });
  if (noNode) patterns.push({ regex: `^node:|${moduleRegex(nodeBuiltins)}`, message });
  if (modules.length > 0) patterns.push({ regex: moduleRegex(modules), message });
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export default defineConfig(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.artifacts/',
      'coverage/',
    ],
  },

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    // Plain JavaScript (this file) is linted without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  {
    files: ['shared/**'],
    rules: boundary({
      folders: ['renderer', 'server', 'electron'],
      nodeBuiltins: true,
      modules: ['electron', 'react', 'react-dom', 'dexie', 'fastify', 'better-sqlite3', 'kysely'],
      message:
        'shared/ runs everywhere (renderer, worker, Electron main, server): no imports from renderer/, server/ or electron/, and no Node, DOM, Electron, UI or database modules.',
    }),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: boundary({
      folders: ['server', 'electron'],
      nodeBuiltins: true,
      modules: ['electron'],
      message:
        'renderer/ is a sandboxed web page: it imports shared/ only, never server/ or electron/, Node or Electron; it reaches the host through the typed bridge.',
    }),
  },
  {
    files: ['server/**'],
    languageOptions: { globals: globals.node },
    rules: boundary({
      folders: ['renderer', 'electron'],
      modules: ['electron', 'react', 'dexie'],
      message:
        'server/ imports shared/ only, never renderer/ or electron/, and no Electron, React or Dexie.',
    }),
  },
  {
    files: ['electron/**'],
    languageOptions: { globals: globals.node },
    rules: boundary({
      folders: ['renderer', 'server'],
      message:
        'electron/ imports shared/ only, never renderer/ or server/: the renderer is reached through the preload bridge, the server over the network.',
    }),
  },

  {
    // No focused or skipped tests left behind.
    files: ['test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > MemberExpression.callee[property.name=/^(only|skip|todo|fixme)$/]',
          message: 'No focused, skipped or todo tests in the suite.',
        },
      ],
    },
  },
);
