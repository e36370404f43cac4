import fs from 'node:fs';
import path from 'node:path';

/**
 * The user's own answers (seed 000): `# <position>` then `## <question> * 최대 1,000자 이내로
 * 작성해주세요.` then the answer. These are what the data folder must reproduce, verbatim.
 */
export interface SeedQuestion {
  question: string;
  answer: string;
}

const SEED = path.join(import.meta.dirname, '../fixtures/answers/seed-000.txt');

export function seedAnswers(): Map<string, SeedQuestion[]> {
  const text = fs.readFileSync(SEED, 'utf8');
  const byPosition = new Map<string, SeedQuestion[]>();
  for (const part of text.split(/^# /m).slice(1)) {
    const [position, ...rest] = part.split('\n');
    const questions = rest
      .join('\n')
      .split(/^## /m)
      .slice(1)
      .map((q) => {
        const [heading, ...answer] = q.split('\n');
        return { question: heading!.replace(/ \* 최대.*$/, ''), answer: answer.join('\n').replace(/^\n+|\n+$/g, '') };
      });
    byPosition.set(position!.trim(), questions);
  }
  return byPosition;
}

/** Role id → the seed's position heading. */
export const SEED_POSITIONS = { 'data-engineer': '데이터엔지니어', 'partner-backend': 'Partner Backend' } as const;
