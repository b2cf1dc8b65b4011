// Layering (as in VS Code's common/node/browser/electron-main):
//   shared/          pure rules, no I/O, imports nothing platform-specific
//   electron/host/   plain Node; may import shared/
//   renderer/        browser; may import shared/
//   electron/main/   the only place that may import 'electron'
//   hub/             the province hub (plain Node + PostgreSQL); may import shared/ only, talks to offices over HTTP
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'worker_threads', 'stream', 'events', 'url', 'util', 'zlib', 'dgram', 'tls', 'readline'];
const noNode = nodeBuiltins.flatMap((m) => [m, `node:${m}`]);
const electronBan = { name: 'electron', message: "Only electron/main/ may import 'electron'." };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'data/**', 'resources/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronBan], patterns: [{ group: ['electron/*'], message: "Only electron/main/ may import 'electron'." }] }],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronBan, ...noNode.map((name) => ({ name, message: 'shared/ is pure: no I/O, no Node built-ins.' }))],
        patterns: [
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may not import host, shell or renderer code.' },
          { group: ['better-sqlite3', 'serialport', 'ws', 'react', 'react-dom'], message: 'shared/ is pure.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronBan, ...noNode.map((name) => ({ name, message: 'renderer/ runs in a browser.' }))],
        patterns: [{ group: ['**/electron/**', 'better-sqlite3', 'serialport'], message: 'renderer/ talks to the host only through the shared API.' }],
      }],
    },
  },
  {
    files: ['electron/host/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronBan],
        patterns: [{ group: ['**/electron/main/**', '**/renderer/**'], message: 'The host is plain Node: no shell or renderer code.' }],
      }],
    },
  },
  {
    files: ['hub/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronBan],
        patterns: [{ group: ['**/electron/**', '**/renderer/**', 'better-sqlite3', 'serialport'], message: 'hub/ imports only shared/: it reaches offices over HTTP.' }],
      }],
    },
  },
  {
    files: ['electron/main/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
