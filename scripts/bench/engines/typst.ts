import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireBenchTool, TYPST_PACKAGE } from '../benchTools.js';
import { pretendardDir } from '../paths.js';

/**
 * One cold Typst rendering of a JSON Resume with the bench's template (scripts/bench/resume.typ):
 * `node typst.js <resume.json> <out.pdf>`. Run as a fresh process per measurement.
 */
const [resumeFile, outFile] = process.argv.slice(2);
if (!resumeFile || !outFile) throw new Error('usage: typst.js <resume.json> <out.pdf>');

// Installed by the bench into .bench-tools/ (see benchTools.ts), not into the project.
const { NodeCompiler } = requireBenchTool(TYPST_PACKAGE) as typeof import('@myriaddreamin/typst-ts-node-compiler');
// The compiled runner sits in dist/bench/engines/; the template stays in scripts/bench/.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const compiler = NodeCompiler.create({ workspace: root, fontArgs: [{ fontPaths: [pretendardDir()] }] });
const pdf = compiler.pdf({ mainFilePath: path.join(root, 'scripts/bench/resume.typ'), inputs: { resume: fs.readFileSync(resumeFile, 'utf8') } });
fs.writeFileSync(outFile, pdf);
