import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parseYaml.js';
import { checkData } from '../../src/pipeline/check.js';
import { resolveAnswers } from '../../src/tailor/resolveAnswers.js';
import { collectAnswerBlocks } from '../../src/validate/answerBlocks.js';
import { roleSchema } from '../../src/validate/schema/role.js';
import { copyData } from '../helpers/cli.js';

const BLOCKS = `blocks:
  lead: |
    {{subject}}Project Tech Lead로서 리드했습니다(기여도: {{share}}).
  lessons: |
    이 경험에서 얻은 교훈:
    1. **표준화**와 자동화가 핵심입니다.
`;

function resolve(application: string) {
  const blocks = collectAnswerBlocks([parseYaml('data/answers/x.yaml', BLOCKS).source]);
  const source = parseYaml('data/roles/r.yaml', `target: { company: KREAM, position: 데이터엔지니어 }\napplication:\n${application}`).source;
  const role = roleSchema.parse(source.data);
  return resolveAnswers('r', role, source, blocks.blocks)!;
}

describe('resolveAnswers', () => {
  it('joins written text and shared blocks as paragraphs, fills slots, drops bold marks from the form text only', () => {
    const app = resolve(`  questions:
    - id: q
      question: 협업 경험을 적어주세요.
      limit: 100
      answer:
        - |
          요기요에서 협업했습니다.
        - { block: lead, with: { subject: "저는 ", share: 80% } }
        - { block: lessons }
`);
    expect(app).toMatchObject({ company: 'KREAM', position: '데이터엔지니어' });
    const [q] = app.questions;
    expect(q!.answer.text).toBe(
      '요기요에서 협업했습니다.\n\n저는 Project Tech Lead로서 리드했습니다(기여도: 80%).\n\n이 경험에서 얻은 교훈:\n1. **표준화**와 자동화가 핵심입니다.',
    );
    expect(q!.formText).toBe(
      '요기요에서 협업했습니다.\n\n저는 Project Tech Lead로서 리드했습니다(기여도: 80%).\n\n이 경험에서 얻은 교훈:\n1. 표준화와 자동화가 핵심입니다.',
    );
    // counted on the form text, by hand: 13 + 2 (blank line) + 40 + 2 + 13 + 1 + 19 = 90 characters
    expect(q).toMatchObject({ count: 90, limit: 100, rule: { unit: 'with-spaces', newline: 'lf' } });
    expect(q!.counts.withSpaces).toBe(Array.from(q!.formText).length);
  });

  it('takes the counting rule from the question, else the application, else 공백 포함 with LF', () => {
    const app = resolve(`  count: without-spaces
  questions:
    - { id: a, question: 질문, limit: 10, answer: 가 나 }
    - { id: b, question: 질문, limit: 10, count: cp949-bytes, newline: crlf, answer: "가\\n나" }
`);
    expect(app.questions.map((q) => [q.rule.unit, q.rule.newline, q.count])).toEqual([
      ['without-spaces', 'lf', 2],
      ['cp949-bytes', 'crlf', 6], // 가 (2) + CRLF (2) + 나 (2)
    ]);
  });
});

describe('application references (check)', () => {
  /** A copy of data/ whose data-engineer role file had `from` replaced by `to`. */
  function broken(edits: [string, string][], file = 'roles/data-engineer.yaml'): string {
    const dir = copyData();
    const target = path.join(dir, file);
    let text = fs.readFileSync(target, 'utf8');
    for (const [from, to] of edits) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    fs.writeFileSync(target, text);
    return dir;
  }
  const errors = (dir: string) => checkData({ dataDir: dir, roles: ['data-engineer'] }).filter((p) => p.severity === 'error');

  it('an unknown block id is an error at its file:line:col with a "did you mean"', () => {
    const dir = broken([['{ block: eta-design }', '{ block: eta-desing }']]);
    const [e] = errors(dir);
    const lines = fs.readFileSync(path.join(dir, 'roles/data-engineer.yaml'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('eta-desing')) + 1;
    expect(e).toMatchObject({ code: 'unknown-block', at: { line, col: lines[line - 1]!.indexOf('eta-desing') + 1 }, hint: 'did you mean "eta-design"?' });
    expect(e!.at!.file.endsWith('roles/data-engineer.yaml')).toBe(true);
  });

  it('a slot left unfilled or a misspelt slot name is an error', () => {
    const dir = broken([['with: { contribution: 80% }', 'with: { contributon: 80% }']]);
    expect(errors(dir).map((e) => [e.code, e.hint ?? ''])).toEqual([
      ['missing-slot', 'add  with: { contribution: … }  (an empty string "" is allowed)'],
      ['unknown-slot', 'did you mean "contribution"?'],
    ]);
  });

  it('the same block id in two files is an error pointing at both', () => {
    const dir = copyData();
    fs.writeFileSync(path.join(dir, 'answers/zz-more.yaml'), 'blocks:\n  eta-lead: 다른 문단입니다.\n');
    const [e] = errors(dir);
    expect(e).toMatchObject({ code: 'duplicate-block', at: { line: 2, col: 3 } });
    expect(e!.message).toMatch(/already used at .*answers\/delivery-eta\.yaml:\d+:3/);
  });

  it('a wrong counting rule is a schema error with the allowed values', () => {
    const dir = broken([['      limit: 1000\n', '      limit: 1000\n      count: bytes\n']]);
    const [e] = errors(dir);
    expect(e).toMatchObject({ code: 'schema', path: 'application.questions[0].count' });
    expect(e!.message).toContain('"with-spaces", "without-spaces", "utf8-bytes", "cp949-bytes"');
  });
});
