import { createInterface } from 'node:readline';
import { coreConfig } from '../config.js';
import { AnswerEngine } from '../core/answers/engine.js';
import { renderText } from '../core/answers/render-text.js';
import { loadKnowledge } from '../core/knowledge/load.js';

/** One-shot answers; each question stands alone, with no conversation and no storage. */
export async function askCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const engine = new AnswerEngine(loadKnowledge(coreConfig().KNOWLEDGE_DIR));
  const answer = (question: string) => engine.answer(question, { now: new Date() }).reply;
  if (!json) {
    if (rest.length === 0) {
      process.stderr.write('usage: compact-bot ask "question"  or  compact-bot ask --json < questions.txt\n');
      return 2;
    }
    process.stdout.write(`${renderText(answer(rest.join(' ')))}\n`);
    return 0;
  }
  const questions = rest.length > 0 ? [rest.join(' ')] : createInterface({ input: process.stdin, terminal: false });
  for await (const question of questions) {
    const r = answer(question);
    const hits = r.hits.map((h) => ({ compact: h.compact, id: h.id, title: h.title, text: h.text, score: h.score }));
    process.stdout.write(`${JSON.stringify({ question, intent: r.intent, reply: renderText(r), hits })}\n`);
  }
  return 0;
}
