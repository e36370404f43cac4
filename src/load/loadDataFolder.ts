import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/problems.js';
import { displayPath } from '../core/paths.js';
import { parseYaml, type YamlSource } from './parseYaml.js';
import { noteRead } from './inputLog.js';
import { listFolder, probePath, readSourceFile } from './readSourceFile.js';
import { memoByText } from '../core/memoByText.js';
import { roleFiles } from './roleFiles.js';

/** The user's data folder, parsed but not yet validated. */
export interface DataFolder {
  dir: string;
  resume?: YamlSource;
  /** Role id (file name without extension) → parsed role file. */
  roles: Map<string, YamlSource>;
  problems: Problem[];
}

const RESUME_FILES = ['resume.yaml', 'resume.yml', 'resume.json'];

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
      hint: 'run from the project folder, or pass --data <dir>',
    });
    return { dir, roles, problems };
  }
  listFolder(dir, problems);
  if (problems.length > 0) return { dir, roles, problems };
  // Found without being opened: a FIFO or a device named resume.yaml is refused by the reader.
  const resumeFiles = RESUME_FILES.map((name) => path.join(dir, name)).filter((file) => probePath(file, 'data file') !== 'absent');
  if (resumeFiles.length === 0) {
    problems.push({
      severity: 'error',
      code: 'no-resume',
      message: `no resume.yaml or resume.json in ${displayPath(dir)}`,
      hint: 'create data/resume.yaml (see the README for an example)',
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
