import { Command, InvalidArgumentError, Option } from 'commander';
import { LANGS, type Lang } from '../core/langs.js';
import { EXIT, runCommand } from './run.js';
import { DPI_RANGE } from '../preview/options.js';
import { version } from './version.js';

/**
 * The command line only wires options to the pipeline; every decision lives in the steps.
 * Each command's module is imported when that command runs, so that `--version`, `check` or
 * `explain` never load the renderer (React-PDF), the rasterizer or the file watcher.
 * Runs `argv` (node's, script path included) and sets the process's exit code.
 */
export async function runCli(argv: readonly string[]): Promise<void> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    // commander throws on --help/--version (exit 0) and on usage errors (exit 2).
    const code = (err as { exitCode?: number; code?: string }).exitCode;
    process.exitCode = code === 0 ? EXIT.ok : EXIT.usage;
  }
}

const dataOption = () => new Option('-d, --data <dir>', 'data folder').default('data');
const langOption = () => new Option('-l, --lang <lang>', "language of titles and dates (default: the role's, else ko)").choices(LANGS);
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A numeric option's parser: a whole number in range, else a usage error (exit 2) that says the range. */
const wholeNumber =
  ({ min, max }: { min: number; max: number }) =>
  (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max)
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    return Number(value);
  };

function createProgram(): Command {
  const program = new Command('careerpdf')
    .description('Career data (YAML + markdown) → per-role tailored PDFs: resume, portfolio, application answers.')
    .version(version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('build')
    .description('build the PDFs for roles into <out>/<role>/ (no --role: the untailored master)')
    .option('-r, --role <id>', 'a role in <data>/roles/ (repeatable)', collect)
    .option('-a, --all', 'every role in <data>/roles/, and the master')
    .addOption(dataOption())
    .option('-o, --out <dir>', 'output folder', 'out')
    .addOption(langOption())
    .option('-t, --theme <name>', "theme name (themes/<name>) or folder; overrides the role's")
    .option('--strict', 'treat warnings (placeholders left, pages over budget) as errors')
    .option('--assets <dir>', 'where site-root image paths (/static/…) of project pages resolve (default: the data folder)')
    .option('-w, --watch', 'stay running: rebuild what a save under the data folder or themes/ changes')
    .option('--force', 'render every document, even those whose inputs are unchanged since the last build')
    .action((flags) => exit(runCommand(async () => (await import('./commands/build.js')).buildCommand(flags))));

  program
    .command('explain')
    .description('show what a role keeps, drops, reorders and overrides relative to the master, and why')
    .requiredOption('-r, --role <id>', 'a role in <data>/roles/')
    .addOption(dataOption())
    .addOption(langOption())
    .action((flags: { role: string; data: string; lang?: Lang }) =>
      exit(runCommand(async () => (await import('./commands/explain.js')).explainCommand(flags))),
    );

  program
    .command('answers')
    .description("count a role's application answers: per question the limit, the count under its rule, the other counts, what is left or over")
    .requiredOption('-r, --role <id>', 'a role in <data>/roles/ with application questions')
    .addOption(dataOption())
    .action((flags: { role: string; data: string }) => exit(runCommand(async () => (await import('./commands/answers.js')).answersCommand(flags))));

  program
    .command('check')
    .description('every problem in the data in one run, grouped by file: schemas, references, placeholders, answer limits, figures that disagree across roles')
    .option('-r, --role <id>', 'a role in <data>/roles/ (repeatable; default: every role)', collect)
    .option('-a, --all', 'every role (the default)')
    .addOption(dataOption())
    .option('--strict', 'treat warnings as errors (exit 1)')
    .option(
      '--ats',
      "also render each role's resume and read it as an applicant-tracking system does: name, contacts, section titles, every entry's title, organisation and dates whole and in order",
    )
    .action((flags) => exit(runCommand(async () => (await import('./commands/check.js')).checkCommand(flags))));

  program
    .command('schema')
    .description('write JSON Schema files for resume, role and theme files (for editor autocompletion)')
    .option('-o, --out <dir>', 'folder to write them to', 'schema')
    .action((flags) => exit(runCommand(async () => (await import('./commands/schema.js')).schemaCommand(flags))));

  program
    .command('preview')
    .description("render every theme's documents and write first-page thumbnails and a contact sheet to <out>/previews/")
    .option('-r, --role <id>', 'the role whose documents to preview (default: the first role in <data>/roles/, else the master)')
    .option('-t, --theme <name>', 'only this theme (repeatable; default: every theme in themes/)', collect)
    .addOption(dataOption())
    .option('-o, --out <dir>', 'output folder', 'out')
    .addOption(new Option('--dpi <n>', `thumbnail resolution (${DPI_RANGE.min}–${DPI_RANGE.max})`).default(40).argParser(wholeNumber(DPI_RANGE)))
    .action((flags) => exit(runCommand(async () => (await import('./commands/preview.js')).previewCommand(flags))));
  return program;
}

/** Sets the exit code once the command is done; returned, so that runCli resolves only then. */
function exit(code: Promise<number>): Promise<void> {
  return code.then((c) => {
    process.exitCode = c;
  });
}
