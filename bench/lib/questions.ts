import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { INTENTS } from '../../src/core/answers/reply.js';

const questionSchema = z.strictObject({
  q: z.string().min(1),
  intent: z.enum(INTENTS),
  /** Acceptable top passages as `compact:id`; empty when any passage (or none) will do. */
  expect: z.array(z.string().regex(/^[a-z]+:[a-z0-9.-]+$/)).default([]),
  /** Words of the expected passage that answer the question: the emphasised span should contain them. */
  answer: z.string().min(1).optional(),
  category: z.string().min(1),
});

export type LabelledQuestion = z.infer<typeof questionSchema>;

export function loadQuestions(file: string): LabelledQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('//'))
    .map(({ line, n }) => {
      const parsed = questionSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file}:${n}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}
