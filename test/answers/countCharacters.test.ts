import { describe, expect, it } from 'vitest';
import { countCharacters, countUnder } from '../../src/validate/countCharacters.js';

// Every expected figure below was counted by hand, character by character; the comments show how.
describe('countCharacters', () => {
  it('counts Hangul syllables once each; UTF-8 takes 3 bytes and CP949 2 per syllable', () => {
    // 안 녕 하 세 요 = 5 syllables
    expect(countCharacters('안녕하세요')).toMatchObject({ withSpaces: 5, withoutSpaces: 5, utf8Bytes: 15, cp949Bytes: 10, lineBreaks: 0, notInCp949: [] });
  });

  it('counts a space as one character with spaces and none without', () => {
    // 안 녕 ␠ 하 세 요 = 6 with, 5 without; bytes 5×3+1 and 5×2+1
    expect(countCharacters('안녕 하세요')).toMatchObject({ withSpaces: 6, withoutSpaces: 5, utf8Bytes: 16, cp949Bytes: 11 });
  });

  it('mixes Hangul, Latin, digits and punctuation', () => {
    // 기 여 도 : ␠ 8 0 % = 8 with, 7 without; UTF-8 3×3+5 = 14; CP949 3×2+5 = 11
    expect(countCharacters('기여도: 80%')).toMatchObject({ withSpaces: 8, withoutSpaces: 7, utf8Bytes: 14, cp949Bytes: 11 });
  });

  it('composes decomposed Hangul (NFD) before counting: a syllable counts once', () => {
    const nfd = '한글'.normalize('NFD'); // ᄒ ᅡ ᆫ ᄀ ᅳ ᆯ: 6 code points
    expect(nfd.length).toBe(6);
    // after NFC: 한 글 = 2 characters, 6 UTF-8 bytes, 4 CP949 bytes (decomposed jamo would not even fit CP949)
    expect(countCharacters(nfd)).toMatchObject({ withSpaces: 2, withoutSpaces: 2, utf8Bytes: 6, cp949Bytes: 4, notInCp949: [] });
  });

  it('counts an emoji with a skin-tone modifier, a ZWJ family and a flag once each', () => {
    const thumbs = '\u{1F44D}\u{1F3FD}'; // 👍🏽: 2 code points, 4+4 UTF-8 bytes
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'; // 👨‍👩‍👧: 5 code points, 4+3+4+3+4 = 18 bytes
    const flag = '\u{1F1F0}\u{1F1F7}'; // 🇰🇷: 2 regional indicators, 8 bytes
    expect(countCharacters(thumbs)).toMatchObject({ withSpaces: 1, withoutSpaces: 1, utf8Bytes: 8 });
    expect(countCharacters(family)).toMatchObject({ withSpaces: 1, withoutSpaces: 1, utf8Bytes: 18 });
    expect(countCharacters(flag)).toMatchObject({ withSpaces: 1, utf8Bytes: 8 });
    // 좋 아 요 👍🏽 = 4 characters
    expect(countCharacters(`좋아요${thumbs}`).withSpaces).toBe(4);
  });

  it('lists characters an EUC-KR/CP949 form cannot hold (each becomes one "?" byte)', () => {
    const counts = countCharacters('좋아요\u{1F44D}');
    // 좋 아 요 = 3×2 bytes, the emoji is not in CP949 and is encoded as "?" (1 byte)
    expect(counts.cp949Bytes).toBe(7);
    expect(counts.notInCp949).toEqual(['\u{1F44D}']);
  });

  it('counts a line break as 1, or 2 for sites that count the CRLF a browser submits', () => {
    // 가 ⏎ 나 = 3 (LF) or 4 (CRLF); without spaces 2; UTF-8 3+1+3 = 7 or 3+2+3 = 8
    expect(countCharacters('가\n나')).toMatchObject({ withSpaces: 3, withoutSpaces: 2, utf8Bytes: 7, cp949Bytes: 5, lineBreaks: 1 });
    expect(countCharacters('가\n나', 'crlf')).toMatchObject({ withSpaces: 4, withoutSpaces: 2, utf8Bytes: 8, cp949Bytes: 6, lineBreaks: 1 });
  });

  it('counts a CRLF already in the text as one line break, not two', () => {
    // 가 ⏎(CRLF) 나 ⏎(CRLF) 다 = 5 with LF counting, 7 with CRLF counting
    expect(countCharacters('가\r\n나\r\n다')).toMatchObject({ withSpaces: 5, withoutSpaces: 3, lineBreaks: 2, utf8Bytes: 11 });
    expect(countCharacters('가\r\n나\r\n다', 'crlf')).toMatchObject({ withSpaces: 7, utf8Bytes: 13 });
  });

  it('counts a blank line between paragraphs as two line breaks', () => {
    // 가 ⏎ ⏎ 나 = 4
    expect(countCharacters('가\n\n나')).toMatchObject({ withSpaces: 4, withoutSpaces: 2, lineBreaks: 2 });
  });

  it('treats NBSP, the ideographic space U+3000 and a tab as spaces', () => {
    // 가 NBSP 나 = 3 with, 2 without; UTF-8 3+2+3 = 8; NBSP is not in CP949
    expect(countCharacters('가\u00A0나')).toMatchObject({ withSpaces: 3, withoutSpaces: 2, utf8Bytes: 8, cp949Bytes: 5, notInCp949: ['\u00A0'] });
    // 가 U+3000 나 = 3 with, 2 without; UTF-8 3+3+3 = 9; CP949 has U+3000 (A1 A1): 2+2+2 = 6
    expect(countCharacters('가\u3000나')).toMatchObject({ withSpaces: 3, withoutSpaces: 2, utf8Bytes: 9, cp949Bytes: 6, notInCp949: [] });
    // 가 ⇥ 나 ␠ ␠ 다 = 6 with, 3 without
    expect(countCharacters('가\t나  다')).toMatchObject({ withSpaces: 6, withoutSpaces: 3, utf8Bytes: 12, cp949Bytes: 9 });
  });

  it('counts nothing in an empty answer', () => {
    expect(countCharacters('')).toMatchObject({ withSpaces: 0, withoutSpaces: 0, utf8Bytes: 0, cp949Bytes: 0, lineBreaks: 0 });
  });

  it('picks the number a rule compares with the limit', () => {
    const counts = countCharacters('안녕 하세요');
    expect([
      countUnder(counts, 'with-spaces'),
      countUnder(counts, 'without-spaces'),
      countUnder(counts, 'utf8-bytes'),
      countUnder(counts, 'cp949-bytes'),
    ]).toEqual([6, 5, 16, 11]);
  });
});
