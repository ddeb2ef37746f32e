import type { KnowledgeBase } from '../knowledge/types.js';
import type { Candidate } from '../storage/review-store.js';
import type { Ranked } from './decide.js';
import type { ModelData } from './model.js';
import type { Reply } from './reply.js';
import type { Described, Scorer } from './scorer.js';

/** What the engine remembers between turns of one conversation. */
export interface AnswerContext {
  defaultCompact?: string;
  /** The last question answered, for follow-ups such as "and in Dacorum?". */
  lastQuestion?: string;
  /** The time of the message, for reading "next Friday" or a date without a year; not kept between turns. */
  now?: Date;
}

export interface EngineResult {
  reply: Reply;
  context: AnswerContext;
  /** Set when the message asks to start a guided flow. */
  start?: { flow: 'signup' | 'breach'; compact?: string };
  /** Set when the question was declined or answered with "did you mean": it is worth a maintainer's review. */
  review?: { reason: 'declined' | 'suggested'; candidates: Candidate[] };
  /** The item chosen by its button (an exact item command). */
  chosen?: string;
}

export interface EngineParts {
  readonly kb: KnowledgeBase;
  readonly scorer: Scorer;
  readonly model: ModelData;
  rank(d: Described): Ranked[];
}
