import { Command, InvalidArgumentError, Option } from 'commander';
import { LANGS, type Lang } from '../core/langs.js';
import { type CommandKind, EXIT, runCommand } from './run.js';
import { DPI_RANGE } from '../preview/options.js';
import { version } from './version.js';
import { EXPORT_FORMATS } from '../export/formats.js';

/** check, explain, answers and match read the data and write nothing. */
const READS_ONLY: CommandKind = { writes: false };

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

const dataOption = () => new Option('-d, --data <dir>', 'data folder (default: the nearest folder, here or above, holding resume.yaml or data/resume.yaml)');
const outOption = () => new Option('-o, --out <dir>', 'output folder (default: out/ in the data folder; for a folder named data/, beside it)');

/**
 * The data and output folders resolved (see load/findDataFolder.ts), as absolute paths: every
 * command that reads the data folder gets them from the same search.
 */
const withFolders = async <T extends { data?: string; out?: string }>(flags: T): Promise<T & { data: string; out: string }> => {
  const { findDataFolder } = await import('../load/findDataFolder.js');
  const { dataDir, outDir } = findDataFolder(flags);
  return { ...flags, data: dataDir, out: outDir };
};
/** The data folder only, for a command whose --out is not an output folder (export's is a file). */
const withDataFolder = async <T extends { data?: string }>(flags: T): Promise<T & { data: string }> => {
  const { findDataFolder } = await import('../load/findDataFolder.js');
  return { ...flags, data: findDataFolder({ data: flags.data }).dataDir };
};
const langOption = () =>
  new Option(
    '-l, --lang <lang>',
    "language of titles, labels and dates (default: the role's lang:, else the language of its text; explain says which)",
  ).choices(LANGS);
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A repeatable option with choices: each value checked (commander checks choices only without a parser), collected in order. */
const collectChoice =
  <T extends string>(choices: readonly T[]) =>
  (value: string, previous: T[] = []): T[] => {
    if (!choices.includes(value as T)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return [...previous, value as T];
  };

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
    .command('init')
    .description('write a starter data folder into [dir] (default: here) that builds at once; never overwrites a file')
    .argument('[dir]', 'the folder to create or fill (default: the working directory)')
    .addOption(new Option('-l, --lang <lang>', 'language of the starter files and documents').choices(LANGS).default('ko'))
    .option('-n, --name <name>', 'your name, for basics.name (default: a [TODO: …] placeholder)')
    .action((dir: string | undefined, flags: { lang: Lang; name?: string }) =>
      exit(runCommand(async () => (await import('./commands/init.js')).initCommand(dir, flags))),
    );

  program
    .command('build')
    .description('build the PDFs for roles into <out>/<role>/ (no --role: the untailored master)')
    .option('-r, --role <id>', 'a role in <data>/roles/ (repeatable)', collect)
    .option('-a, --all', 'every role in <data>/roles/, and the master')
    .addOption(dataOption())
    .addOption(outOption())
    .addOption(langOption())
    .option('-t, --theme <name>', "theme name (themes/<name>) or folder; overrides the role's")
    .option('--strict', 'treat warnings (placeholders left, pages over budget) as errors')
    .option('--assets <dir>', 'where site-root image paths (/static/…) of project pages resolve (default: the data folder)')
    .option('-w, --watch', 'stay running: rebuild what a save under the data folder or themes/ changes')
    .option('--force', 'render every document, even those whose inputs are unchanged since the last build')
    .addOption(
      new Option('-f, --format <format>', "also write the resume as jsonresume, markdown or text (repeatable; adds to the role's formats:)")
        .choices(EXPORT_FORMATS)
        .argParser(collectChoice(EXPORT_FORMATS)),
    )
    .option('--fit', "tighten the layout, within the theme's minimums, until each document fits its page budget (and leaves no short last page)")
    .action((flags) => exit(runCommand(async () => (await import('./commands/build.js')).buildCommand(await withFolders(flags)))));

  program
    .command('explain')
    .description('show what a role keeps, drops, reorders and overrides relative to the master, and why')
    .requiredOption('-r, --role <id>', 'a role in <data>/roles/')
    .addOption(dataOption())
    .addOption(langOption())
    .action((flags: { role: string; data?: string; lang?: Lang }) =>
      exit(runCommand(async () => (await import('./commands/explain.js')).explainCommand(await withFolders(flags)), READS_ONLY)),
    );

  program
    .command('match')
    .description(
      "the posting's requirements against the role's documents: per requirement covered or missing, each term's place (file:line), or the rule that left it out",
    )
    .requiredOption('-r, --role <id>', 'a role in <data>/roles/')
    .option('-p, --posting <file>', "a posting file (.txt or .md) instead of the role's posting:")
    .option('--json', 'the result as JSON, for scripts')
    .addOption(dataOption())
    .addOption(langOption())
    .action((flags) => exit(runCommand(async () => (await import('./commands/match.js')).matchCommand(await withDataFolder(flags)), READS_ONLY)));

  program
    .command('answers')
    .description("count a role's application answers: per question the limit, the count under its rule, the other counts, what is left or over")
    .requiredOption('-r, --role <id>', 'a role in <data>/roles/ with application questions')
    .addOption(dataOption())
    .action((flags: { role: string; data?: string }) =>
      exit(runCommand(async () => (await import('./commands/answers.js')).answersCommand(await withFolders(flags)), READS_ONLY)),
    );

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
    .action((flags) => exit(runCommand(async () => (await import('./commands/check.js')).checkCommand(await withFolders(flags)), READS_ONLY)));

  program
    .command('export')
    .description("write a role's tailored resume — what its PDF shows — as JSON Resume, Markdown or plain text for application forms")
    .option('-r, --role <id>', 'a role in <data>/roles/ (default: the untailored master)')
    .addOption(new Option('-f, --format <format>', 'jsonresume, markdown or text').choices(EXPORT_FORMATS).makeOptionMandatory())
    .addOption(dataOption())
    .option('-o, --out <file>', 'the file to write (default: standard output)')
    .addOption(langOption())
    .action((flags) => exit(runCommand(async () => (await import('./commands/export.js')).exportCommand(await withDataFolder(flags)))));

  const importing = program.command('import').description("make a resume.yaml from a career kept elsewhere: LinkedIn's data export, a JSON Resume");
  for (const [kind, argument, description] of [
    ['linkedin', '<export>', "LinkedIn's data export (the .zip as downloaded, or the folder it unpacks to) → resume.yaml"],
    ['jsonresume', '<resume.json>', 'a JSON Resume → resume.yaml with ids and tags added'],
  ] as const) {
    importing
      .command(kind)
      .description(description)
      .argument(argument)
      .option('-o, --out <dir>', 'the data folder to write resume.yaml into', '.')
      .option('--merge', 'add to an existing resume.yaml what it lacks (never changes what is there)')
      .action((source: string, flags: { out: string; merge?: boolean }) =>
        exit(runCommand(async () => (await import('./commands/import.js')).importCommand(kind, source, flags))),
      );
  }

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
    .addOption(outOption())
    .addOption(new Option('--dpi <n>', `thumbnail resolution (${DPI_RANGE.min}–${DPI_RANGE.max})`).default(40).argParser(wholeNumber(DPI_RANGE)))
    .action((flags) => exit(runCommand(async () => (await import('./commands/preview.js')).previewCommand(await withFolders(flags)))));
  return program;
}

/** Sets the exit code once the command is done; returned, so that runCli resolves only then. */
function exit(code: Promise<number>): Promise<void> {
  return code.then((c) => {
    process.exitCode = c;
  });
}
