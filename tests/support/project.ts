/** Temporary Clarion projects for end-to-end tests: the real templates plus given statements. */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from '../../src/cli/main.ts';
import { projectsRoot } from './projects-root.ts';
import { currentTier } from './tiers/tiers.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export { projectsRoot };

/** The folder of the projects of the tier this test runs in. */
export function tierProjects(): string {
  const tier = currentTier();
  if (tier === 'pure') throw new Error('a pure test (*.test.ts) makes no project — name the file *.files.test.ts, or *.browser.test.ts if it prints');
  return path.join(projectsRoot, tier ?? 'files');
}

export const ORGANIZATION = `name: Fixture Press Office
website: https://press.example.org/
about: The Fixture Press Office speaks for an example community. It exists only in tests.
contacts:
  - name: A. Example
    role: Press Secretary
    email: press@example.org
    phone: +44 20 7946 0000
languages:
  fr: { name: Fixture Press Office, about: Le Fixture Press Office parle pour une communauté d’exemple. Il n’existe que dans les tests., roles: { Press Secretary: Attaché de presse } }
  de: { name: Fixture Press Office, about: Das Fixture Press Office spricht für eine Beispielgemeinschaft. Es gibt es nur in Tests., roles: { Press Secretary: Pressesprecher } }
  es: { name: Fixture Press Office, about: La Fixture Press Office habla por una comunidad de ejemplo. Solo existe en las pruebas., roles: { Press Secretary: Secretario de prensa } }
  ar: { name: Fixture Press Office, about: يتحدث المكتب الصحفي باسم جماعة افتراضية. لا وجود له إلا في الاختبارات., roles: { Press Secretary: السكرتير الصحفي } }
  ur: { name: Fixture Press Office, about: فکسچر پریس آفس ایک فرضی جماعت کی نمائندگی کرتا ہے۔ یہ صرف ٹیسٹ میں موجود ہے۔, roles: { Press Secretary: پریس سیکرٹری } }
timezone: Europe/London
`;

/** Creates a project with the repository's templates and the given files (paths relative to it). */
export async function makeProject(files: Record<string, string | Uint8Array>, options: { samples?: boolean } = {}): Promise<string> {
  const root = tierProjects();
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(path.join(root, 'project-'));
  await cp(path.join(repoRoot, 'templates'), path.join(dir, 'templates'), { recursive: true });
  if (options.samples) await cp(path.join(repoRoot, 'statements'), path.join(dir, 'statements'), { recursive: true });
  const all = { ...(options.samples ? {} : { 'statements/organization.yaml': ORGANIZATION }), ...files };
  for (const [file, content] of Object.entries(all)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

export async function clarion(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Every file under `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

export async function read(dir: string, file: string): Promise<string> {
  return readFile(path.join(dir, file), 'utf8');
}

export function statement(front: Record<string, unknown>, body: string): string {
  const yaml = Object.entries(front)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}\n`;
}

/** The bad statements of tests/fixtures/check/ in a project with the real templates, press-release its one kind. */
export async function checkFixturesProject(): Promise<string> {
  const dir = await makeProject({});
  await rm(path.join(dir, 'templates/un-submission'), { recursive: true });
  await cp(path.join(repoRoot, 'tests/fixtures/check/statements'), path.join(dir, 'statements'), { recursive: true });
  return dir;
}
