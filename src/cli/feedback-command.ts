import type { Feedback, RecordStore } from '../core/storage/store.js';
import { TERMINAL, withStore } from './cli-store.js';

export interface FeedbackIo {
  out: (text: string) => void;
  err: (text: string) => void;
  store: Pick<RecordStore, 'listFeedback'>;
}

interface Tally {
  answer: string;
  helpful: number;
  unhelpful: number;
  last: Date;
}

const NO_PASSAGE = '(a reply with no passage)';

/** Counts each 👍 and 👎 once for every passage the reply showed. */
export function tallyFeedback(feedback: Feedback[]): Tally[] {
  const tallies = new Map<string, Tally>();
  for (const f of feedback) {
    for (const answer of f.answerKeys.length > 0 ? f.answerKeys : [NO_PASSAGE]) {
      const t = tallies.get(answer) ?? { answer, helpful: 0, unhelpful: 0, last: f.createdAt };
      if (f.helpful) t.helpful++;
      else t.unhelpful++;
      if (f.createdAt > t.last) t.last = f.createdAt;
      tallies.set(answer, t);
    }
  }
  return [...tallies.values()].sort((a, b) => b.unhelpful - a.unhelpful || b.helpful - a.helpful || a.answer.localeCompare(b.answer));
}

/** `feedback`: 👍 and 👎 per passage answered, the most disliked first; who gave them and what they asked are not shown. */
export async function feedbackCommand(args: string[], io: FeedbackIo): Promise<number> {
  if (args.length > 0) {
    io.err(`usage: compact-bot feedback (takes no arguments; got ${args.join(' ')})`);
    return 2;
  }
  const tallies = tallyFeedback(await io.store.listFeedback());
  if (tallies.length === 0) {
    io.out('No feedback yet.');
    return 0;
  }
  const width = Math.max(...tallies.map((t) => t.answer.length), 'answer'.length);
  io.out(`${'answer'.padEnd(width)}  helpful  not helpful  last`);
  for (const t of tallies) {
    const day = t.last.toISOString().slice(0, 10);
    io.out(`${t.answer.padEnd(width)}  ${String(t.helpful).padStart(7)}  ${String(t.unhelpful).padStart(11)}  ${day}`);
  }
  return 0;
}

export function feedbackCli(args: string[]): Promise<number> {
  return withStore((store) => feedbackCommand(args, { ...TERMINAL, store }));
}
