import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { displayPath } from '../core/paths.js';
import { parseYaml, type YamlSource } from './parseYaml.js';
import { noteRead } from './inputLog.js';
import { listFolder, probePath, readSourceFile } from './readSourceFile.js';
import { memoByText } from '../core/memoByText.js';
import { roleFiles } from './roleFiles.js';
import { RESUME_FILES } from './findDataFolder.js';

/** The user's data folder, parsed but not yet validated. */
export interface DataFolder {
  dir: string;
  resume?: YamlSource;
  /** Role id (file name without extension) → parsed role file. */
  roles: Map<string, YamlSource>;
  problems: Problem[];
}

export function loadDataFolder(dir: string): DataFolder {
  const problems: Problem[] = [];
  const roles = new Map<string, YamlSource>();
  if (!fs.existsSync(dir)) {
    // Noted, so that watch waits for it to come back.
    noteRead.unread(dir);
    problems.push({
      severity: 'error',
      code: 'no-data',
      message: `data folder ${displayPath(dir)} does not exist`,
      hint: `check the path, or run \`careerpdf init ${displayPath(dir)}\` to start one there`,
    });
    return { dir, roles, problems };
  }
  listFolder(dir, problems, { noted: false });
  if (problems.length > 0) return { dir, roles, problems };
  // Found without being opened: a FIFO or a device named resume.yaml is refused by the reader.
  const resumeFiles = RESUME_FILES.map((name) => path.join(dir, name)).filter((file) => probePath(file, 'data file') !== 'absent');
  if (resumeFiles.length === 0) {
    problems.push({
      severity: 'error',
      code: 'no-resume',
      message: `no resume.yaml or resume.json in ${displayPath(dir)}`,
      hint:
        dir === process.cwd()
          ? '`careerpdf init` writes a starter data folder here; or run from the folder that holds your resume.yaml, or pass --data <dir>'
          : `\`careerpdf init ${displayPath(dir)}\` writes a starter data folder there; or pass the --data <dir> that holds your resume.yaml`,
    });
  } else if (resumeFiles.length > 1) {
    problems.push({ severity: 'error', code: 'two-resumes', message: `both ${resumeFiles.map(displayPath).join(' and ')} exist`, hint: 'keep one of them' });
  }
  const resume = resumeFiles.length === 1 ? loadYamlFile(resumeFiles[0]!, problems) : undefined;

  for (const role of roleFiles(dir, problems)) {
    const source = loadYamlFile(role.file, problems);
    if (source) roles.set(role.id, source);
  }
  return { dir, resume, roles, problems };
}

const parseYamlOnce = memoByText(parseYaml);

/** Reads and parses one YAML/JSON file; its problems are appended. Returns undefined when unusable. */
export function loadYamlFile(file: string, problems: Problem[]): YamlSource | undefined {
  const read = readSourceFile(file);
  if (!read.ok) {
    problems.push(read.problem);
    return undefined;
  }
  const parsed = parseYamlOnce(displayPath(file), read.text);
  problems.push(...parsed.problems);
  return parsed.problems.some((p) => p.severity === 'error') ? undefined : parsed.source;
}
