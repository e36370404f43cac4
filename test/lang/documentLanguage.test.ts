import { expect, test } from 'vitest';
import { parseYaml } from '../../src/load/parseYaml.js';
import { describeLanguage, documentLanguage, hangulShare } from '../../src/tailor/documentLanguage.js';
import type { Resume } from '../../src/validate/schema/resume.js';
import type { Role } from '../../src/validate/schema/role.js';

const role = (fields: Partial<Role>): Role => ({ target: { company: 'Stripe', position: 'Frontend Engineer' }, ...fields }) as Role;
const korean: Resume = { basics: { name: '김민지', summary: '결제 화면을 만드는 프론트엔드 엔지니어입니다.' } };
const bilingual: Resume = { basics: { name: { ko: '김민지', en: 'Minji Kim' }, summary: { ko: '결제 화면을 만듭니다.', en: 'I build payment screens.' } } };

test('Hangul share: Korean prose full of Latin names is Korean; an English text naming a Korean company is English', () => {
  expect(hangulShare(['Kafka, Spark, Airflow 기반 데이터 파이프라인을 설계하고 운영해 왔습니다.'])).toBeGreaterThan(0.25);
  expect(hangulShare(['토스', 'Frontend Engineer'])).toBeLessThan(0.25);
  expect(hangulShare([{ ko: '데이터 엔지니어', en: 'Data engineer' }])).toBeUndefined();
  expect(hangulShare([{ ko: '데이터 엔지니어' }])).toBe(1);
  expect(hangulShare(['2021', '—'])).toBeUndefined();
});

test('the rule: --lang, then lang:, then the role text, then the resume text, then ko', () => {
  expect(documentLanguage(korean, role({ lang: 'ko' }), 'en')).toEqual({ lang: 'en', reason: { from: 'option' } });
  expect(documentLanguage(korean, role({ lang: 'ko' }))).toEqual({ lang: 'ko', reason: { from: 'role' } });
  expect(documentLanguage(korean, role({}))).toEqual({ lang: 'en', reason: { from: 'role-text', hangulShare: 0 } });
  expect(documentLanguage(korean, role({ target: { company: '토스', position: '프론트엔드 엔지니어' } })).lang).toBe('ko');
  // A target given in both languages says nothing: the resume's text decides.
  const both = role({ target: { company: { ko: '토스', en: 'Toss' }, position: { ko: '프론트엔드', en: 'Frontend' } } });
  expect(documentLanguage(korean, both)).toMatchObject({ lang: 'ko', reason: { from: 'resume-text' } });
  expect(documentLanguage(undefined, both)).toEqual({ lang: 'ko', reason: { from: 'default' } });
  // The master: the resume's own text; a resume in both languages everywhere is Korean first.
  expect(documentLanguage({ basics: { name: 'Richard Hendriks', label: 'Programmer' } }, undefined).lang).toBe('en');
  expect(documentLanguage(bilingual, undefined)).toEqual({ lang: 'ko', reason: { from: 'default' } });
});

test('explain says why, with the file and line of lang:', () => {
  const { source } = parseYaml('roles/x.yaml', 'target: { company: A, position: B }\n\nlang: ko\n');
  expect(describeLanguage({ lang: 'ko', reason: { from: 'role' } }, source)).toBe('ko (lang: ko in roles/x.yaml:3)');
  expect(describeLanguage({ lang: 'en', reason: { from: 'role-text', hangulShare: 0 } })).toBe(
    "en (from the role's target, headline and summary: 0% Hangul; write lang: ko or lang: en in the role to choose)",
  );
  expect(describeLanguage({ lang: 'en', reason: { from: 'option' } })).toBe('en (--lang en)');
});
