import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Problem } from '../../src/core/problems.js';
import { problemsOf } from '../../src/core/problems.js';
import { parseYaml } from '../../src/load/parseYaml.js';
import { prepare } from '../../src/pipeline/prepare.js';
import { resumeSchema } from '../../src/validate/schema/resume.js';
import { roleSchema } from '../../src/validate/schema/role.js';
import { validateWithSchema } from '../../src/validate/validateWithSchema.js';
import { tempDir } from '../helpers/cli.js';

/** Each message names what it got and what to write instead, with an example: `line:col path: message | hint`. */
const messages = (yaml: string, schema: Parameters<typeof validateWithSchema>[1] = resumeSchema) =>
  validateWithSchema(parseYaml('resume.yaml', yaml).source, schema).problems.map((p) => `${p.at!.line}:${p.at!.col} ${p.path}: ${p.message} | ${p.hint}`);

describe('schema messages say what they got and what to write', () => {
  test('a highlight written as { ko, en }: the languages go under text:', () => {
    expect(messages('work:\n  - highlights:\n      - { ko: 결제 화면 개발, en: Built payment screens }\n')).toEqual([
      '3:9 work[0].highlights[0].text: text in two languages goes under "text:" here; got { ko, en } without it | put the languages under text:, e.g. - text: { ko: 결제 화면 개발, en: Built payment screens }',
    ]);
  });

  test('{ ko, en } where one plain text goes (a keyword): write one', () => {
    expect(messages('skills:\n  - keywords: [React, { ko: 타입스크립트, en: TypeScript }]\n')).toEqual([
      '2:23 skills[0].keywords[1]: expected one plain text, got text in two languages ({ ko, en }) | this takes the same text in every language: write one, e.g. - 타입스크립트',
    ]);
  });

  test('a comma in an unquoted flow-map value: quote it (not "check the spelling"), in a strict mapping and in a lax one', () => {
    const got = messages('awards:\n  - title: { ko: 사내 해커톤 대상, en: Grand prize, internal hackathon }\n  - { title: Best paper, ACL, date: 2021 }\n');
    expect(got).toEqual([
      '2:46 awards[0].title.internal hackathon: "internal hackathon" became a key of its own: in a { } mapping a comma ends a value, so "en: Grand prize, internal hackathon" was read as en: "Grand prize" and a key "internal hackathon" with no value | quote the text: en: "Grand prize, internal hackathon"',
      '3:26 awards[1].ACL: "ACL" became a key of its own: in a { } mapping a comma ends a value, so "title: Best paper, ACL" was read as title: "Best paper" and a key "ACL" with no value | quote the text: title: "Best paper, ACL"',
    ]);
    expect(got.join('\n')).not.toContain('check the spelling');
    // Quoted, or in a block mapping, the comma is text.
    expect(messages('awards:\n  - title: { en: "Grand prize, internal hackathon" }\n  - title: Best paper, ACL\n')).toEqual([]);
  });

  test('null where text goes: write the text after the colon, or remove the line', () => {
    expect(messages('basics:\n  summary: ~\nwork:\n  - highlights:\n      -\n')).toEqual([
      '2:12 basics.summary: expected text or {ko, en}; got ~ (an empty value) | write the value after the colon (e.g. summary: your text), or remove the line',
      '5:8 work[0].highlights[0]: expected text or {text, id, tags}; got nothing (an empty value) | write the item after "- ", or remove the line',
    ]);
  });

  test('a number where text goes: quote it, as written (2021.10, not 2021.1)', () => {
    expect(messages('work:\n  - position: 2021.10\n')).toEqual([
      '2:15 work[0].position: expected text or {ko, en}; got number 2021.10 | quote it to keep it as text: position: "2021.10"',
    ]);
  });

  test('a date YAML reads as a number is a date, read as written; an impossible one says what it got', () => {
    expect(messages('work:\n  - startDate: 2021.09\n    endDate: 2020.10\n')).toEqual([]);
    expect(messages('work:\n  - startDate: 2021.13\n')).toEqual([
      '2:16 work[0].startDate: there is no month 13 (got "2021.13") | write the month as 1 to 12, e.g. 2021.12 or 2021-12',
    ]);
  });

  test('an unknown key: did you mean, and the keys the mapping takes', () => {
    const [roleKey, focusKey] = messages('hedline: x\nfocus: { tag: [a] }\ntarget: { company: A, position: B }\n', roleSchema).sort();
    // The role mapping's key list grows with every feature: check its shape, not the whole list.
    expect(roleKey).toMatch(
      /^1:1 hedline: unknown key "hedline" \| did you mean "headline"\? \(this mapping takes \$schema, target, lang, .*headline, .*application.*\)$/,
    );
    expect(focusKey).toBe('2:10 focus.tag: unknown key "tag" | did you mean "tags"? (this mapping takes tags, mode, rankSections)');
  });

  test('a missing required text in a role: what is required, where', () => {
    expect(messages('target: { company: Stripe }\n', roleSchema)).toEqual([
      '1:9 target.position: expected text or {ko, en}; nothing is written here | add it: position: your text',
    ]);
  });
});

describe('unknown names: located, with the one meant', () => {
  const folder = () => {
    const dir = tempDir('careerpdf-names-');
    fs.mkdirSync(path.join(dir, 'roles'));
    fs.writeFileSync(path.join(dir, 'resume.yaml'), 'basics:\n  name: 홍길동\n');
    fs.writeFileSync(path.join(dir, 'roles', 'data-engineer.yaml'), 'target: { company: KREAM, position: 데이터 엔지니어 }\ntheme: compakt\n');
    return dir;
  };
  const problems = (run: () => { warnings: Problem[] }): Problem[] => problemsOf(() => run().warnings);

  test('an unknown theme in a role file: at its line, did you mean', () => {
    const dir = folder();
    const [theme] = problems(() => prepare({ dataDir: dir, roles: ['data-engineer'], drawImages: false }));
    expect(theme).toMatchObject({
      code: 'unknown-theme',
      at: { line: 2, col: 8 },
      message: 'there is no theme "compakt"',
      hint: expect.stringMatching(/^did you mean "compact"\?/),
    });
  });

  test('an unknown --role: did you mean, and the roles there are', () => {
    const dir = folder();
    const [role] = problems(() => prepare({ dataDir: dir, roles: ['data-enginer'] }));
    expect(role).toMatchObject({ code: 'unknown-role', message: expect.stringContaining('no role "data-enginer"') });
    expect(role!.hint).toBe('did you mean "data-engineer"? roles there: data-engineer (or omit --role for the master resume)');
  });
});
