import path from 'node:path';
import type { Lang } from '../../core/langs.js';
import { displayPath } from '../../core/paths.js';
import { initDataFolder } from '../../init/initDataFolder.js';

/** What each part of a starter folder is for, as `init` lists it. */
const PURPOSES: [prefix: string, purpose: string][] = [
  ['resume.yaml', 'your career, every section once: fill in the [TODO: …]'],
  ['roles/', 'one file per job you apply to: tailoring, paper, the application questions'],
  ['projects/', 'portfolio pages in markdown'],
  ['images/', 'the images the pages show'],
  ['answers/', 'answer paragraphs several applications share'],
  ['schema/', 'JSON Schemas: completion and checks in editors that read `$schema`'],
];

/** `careerpdf init [dir]`: a starter data folder that builds at once; never overwrites anything. */
export async function initCommand(dir: string | undefined, flags: { lang: Lang; name?: string }): Promise<void> {
  const root = path.resolve(dir ?? '.');
  const written = initDataFolder({ dir: root, lang: flags.lang, name: flags.name });
  const relative = written.map((file) => path.relative(root, file).split(path.sep).join('/'));
  const width = Math.max(...relative.map((f) => f.length));
  const lines = [`wrote ${written.length} files into ${displayPath(root) || '.'}:`];
  for (const file of relative) {
    const purpose = PURPOSES.find(([prefix]) => file === prefix || file.startsWith(prefix))?.[1];
    const first = PURPOSES.find(([prefix]) => file.startsWith(prefix) && relative.find((f) => f.startsWith(prefix)) === file);
    lines.push(`  ${file.padEnd(width)}${first && purpose ? `  ${purpose}` : ''}`);
  }
  const cd = path.resolve(process.cwd()) === root ? [] : [`  cd ${shellWord(displayPath(root))}`];
  lines.push(
    '',
    'next:',
    ...cd,
    '  careerpdf check                      # every [TODO: …] left, with file:line',
    '  careerpdf build                      # the master resume and portfolio → out/master/',
    '  careerpdf build --role first-role    # the tailored documents and answers → out/first-role/',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `path` as one word of a POSIX shell, to be pasted as it is: quoted when it holds a space, a quote, `$`, `*`… (or an emoji). */
const shellWord = (word: string): string => (/^[\p{L}\p{M}\p{N}_./@%+=:,-]+$/u.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);
