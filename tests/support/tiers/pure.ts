/**
 * Setup of the pure tier (`*.test.ts`): a pure test writes no file, starts no process and no
 * browser. Any attempt fails the test with a message that says where such a test belongs.
 * Reading the repository's own files (templates, locales, fixtures) is allowed.
 */
import childProcess from 'node:child_process';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const refuse = (what: string) =>
  function refused(): never {
    throw new Error(`${what}: a pure test (*.test.ts) writes no file and starts no process or browser — name the file *.files.test.ts (temporary projects, child processes) or *.browser.test.ts (Chromium)`);
  };

const refuseAsync = (what: string) => {
  const refused = refuse(what);
  return async () => refused();
};

const WRITES = ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'symlink', 'link', 'truncate', 'chmod', 'chown', 'utimes', 'lutimes'] as const;
const target = fs as unknown as Record<string, unknown>;
const promises = fs.promises as unknown as Record<string, unknown>;
for (const name of WRITES) {
  if (typeof target[name] === 'function') target[name] = refuse(`fs.${name}`);
  if (typeof target[`${name}Sync`] === 'function') target[`${name}Sync`] = refuse(`fs.${name}Sync`);
  if (typeof promises[name] === 'function') promises[name] = refuseAsync(`fs.promises.${name}`);
}
target.createWriteStream = refuse('fs.createWriteStream');

const processes = childProcess as unknown as Record<string, unknown>;
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) processes[name] = refuse(`child_process.${name}`);

// `import { writeFile } from 'node:fs/promises'` and the like see the refusals too.
syncBuiltinESMExports();
