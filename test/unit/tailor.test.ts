import { describe, expect, test } from 'vitest';
import { tailorResume } from '../../src/tailor/tailorResume.js';
import { resumeSchema, type Resume } from '../../src/validate/schema/resume.js';
import { roleSchema } from '../../src/validate/schema/role.js';

const resume: Resume = resumeSchema.parse({
  basics: { name: '홍길동', label: '개발자', summary: '기본 소개' },
  work: [
    {
      id: 'a',
      name: 'A사',
      position: '팀장',
      startDate: '2021-03',
      tags: ['data'],
      highlights: [
        { id: 'a1', text: '데이터 일', tags: ['data'] },
        { id: 'a2', text: '백엔드 일', tags: ['backend'] },
        '태그 없는 일',
        { id: 'a3', text: '리더십', tags: ['lead'] },
      ],
    },
    { id: 'b', name: 'B사', position: '개발자', startDate: '2015', endDate: '2021-02', tags: ['backend'] },
  ],
  projects: [
    { id: 'p1', name: '프로젝트1', tags: ['backend'] },
    { id: 'p2', name: '프로젝트2', tags: ['data'] },
    { id: 'p3', name: '프로젝트3' },
  ],
});
const tailor = (role?: unknown) => tailorResume(resume, role ? roleSchema.parse(role) : undefined, { roleId: 'r', creationDate: new Date(0) });
const section = (r: ReturnType<typeof tailor>, key: string) => r.model.sections.find((s) => s.key === key)!;

describe('tailorResume', () => {
  test('without a role: the master, everything in source order, dates in Korean', () => {
    const r = tailor();
    expect(r.model.person.headline).toBe('개발자');
    expect(section(r, 'work').entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(section(r, 'work').entries[0]!.dates).toBe('2021.03 – 현재');
    expect(section(r, 'work').entries[1]!.dates).toBe('2015 – 2021.02');
    expect(section(r, 'work').entries[0]!.highlights).toEqual(['데이터 일', '백엔드 일', '태그 없는 일', '리더십']);
    expect(r.decisions).toEqual([]);
  });

  test('focus tags rank highlights and ranked sections; work stays chronological', () => {
    const r = tailor({ target: { company: 'K', position: 'DE' }, focus: { tags: ['data', 'backend'] } });
    expect(section(r, 'work').entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(section(r, 'work').entries[0]!.highlights).toEqual(['데이터 일', '백엔드 일', '태그 없는 일', '리더십']);
    expect(section(r, 'projects').entries.map((e) => e.id)).toEqual(['p2', 'p1', 'p3']);
    expect(r.decisions.filter((d) => d.action === 'moved').map((d) => d.subject)).toEqual(['p2', 'p1']);
  });

  test('filter mode drops tagged things matching no focus tag, keeps untagged and included ones', () => {
    const r = tailor({ target: { company: 'K', position: 'BE' }, focus: { tags: ['backend'], mode: 'filter' }, include: ['a3'] });
    expect(section(r, 'work').entries.map((e) => e.id)).toEqual(['b']);
    const kept = tailor({ target: { company: 'K', position: 'BE' }, focus: { tags: ['backend'], mode: 'filter' }, include: ['a', 'a3'] });
    expect(section(kept, 'work').entries[0]!.highlights).toEqual(['백엔드 일', '태그 없는 일', '리더십']);
    expect(kept.decisions).toContainEqual({
      section: 'work',
      subject: 'a › a1',
      action: 'dropped',
      reason: 'its tags (data) match none of the focus tags',
      path: ['work', 0, 'highlights', 0],
    });
  });

  test('include, exclude, order, overrides and caps', () => {
    const r = tailor({
      target: { company: 'K', position: 'X' },
      headline: '새 헤드라인',
      exclude: ['p3', 'a2'],
      order: { projects: ['p2'] },
      overrides: { b: { position: '시니어 개발자' }, a1: { text: '바뀐 데이터 일' } },
      limits: { highlights: 2, entries: { projects: 1 } },
      include: ['a3'],
    });
    expect(r.model.person.headline).toBe('새 헤드라인');
    expect(section(r, 'projects').entries.map((e) => e.id)).toEqual(['p2']);
    expect(section(r, 'work').entries[1]!.title).toBe('시니어 개발자');
    // cap 2, but the included a3 is always kept: it takes the place of the lowest-ranked other.
    expect(section(r, 'work').entries[0]!.highlights).toEqual(['바뀐 데이터 일', '리더십']);
    const actions = r.decisions.map((d) => `${d.action} ${d.subject}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'overridden headline',
        'dropped p3',
        'dropped a › a2',
        'capped p1',
        'capped a › highlight 3',
        'overridden b',
        'overridden a › a1',
      ]),
    );
  });

  test('sections: only those listed, in that order; the rest is reported dropped', () => {
    const r = tailor({ target: { company: 'K', position: 'X' }, sections: ['projects', 'work'] });
    expect(r.model.sections.map((s) => s.key)).toEqual(['projects', 'work']);
    const en = tailorResume(resume, roleSchema.parse({ target: { company: 'K', position: 'X' }, lang: 'en' }), { roleId: 'r', creationDate: new Date(0) });
    expect(en.model.sections[0]!.title).toBe('Experience');
    expect(section(en, 'work').entries[0]!.dates).toBe('Mar 2021 – Present');
  });
});
