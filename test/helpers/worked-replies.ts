import { coreConfig } from '../../src/config.js';
import { AnswerEngine } from '../../src/core/answers/engine.js';
import type { Reply } from '../../src/core/answers/reply.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';

/** Thursday 3 December 2026, noon in London: the clock every worked-out date in the tests is read against. */
export const NOW = new Date('2026-12-03T12:00:00Z');

export const kb = loadKnowledge(coreConfig({}).KNOWLEDGE_DIR);
export const engine = new AnswerEngine(kb);

export const DATE_QUESTION = 'our grant ends on 31 March 2027 — when should we have been told?';
export const NOTICE_QUESTION = 'What notice is required before our funding is cut?';

/** Real replies from the real engine: a date worked out, page 2 of a browse list, and a follow-up to another compact. */
export function workedReplies(): { date: Reply; browse: Reply; followUp: Reply } {
  const date = engine.answer(DATE_QUESTION, { now: NOW }).reply;
  const page1 = engine.answer('list the Hertfordshire undertakings', { now: NOW }).reply;
  const next = page1.actions.find((a) => a.label.startsWith('Next'))!;
  const browse = engine.answer(next.value, { now: NOW }).reply;
  const first = engine.answer(NOTICE_QUESTION, { now: NOW });
  const followUp = engine.answer('What about Dacorum?', { ...first.context, now: NOW }).reply;
  return { date, browse, followUp };
}
