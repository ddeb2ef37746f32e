import { userInfo } from 'node:os';
import { coreConfig } from '../config.js';
import { loadKnowledge } from '../core/knowledge/load.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { decideQuestion, type Verdict } from '../core/review/decisions.js';
import { groupQuestions } from '../core/review/group.js';
import { openStores } from '../core/storage/open-store.js';
import type { ReviewQuestion } from '../core/storage/review-store.js';
import { purgeQuestions } from '../housekeeping.js';
import { TERMINAL } from './cli-store.js';
import { exportReviewed } from './review-export.js';
import type { ReviewIo } from './review-io.js';
import { REVIEW_USAGE } from './review-usage.js';

/** `compact-bot review …`: maintainers turn questions the bot could not answer into examples; every decision is audited. */
export async function reviewCommand(args: string[], io: ReviewIo): Promise<number> {
  const [verb = 'list', id, ...rest] = args;
  switch (verb) {
    case 'list': {
      const pending = await io.review.listQuestions('pending');
      if (args.includes('--json')) {
        for (const q of pending) io.out(JSON.stringify(asJson(io.kb(), q)));
        return 0;
      }
      printGroups(io, pending);
      return 0;
    }
    case 'accept': {
      if (!id) return usage(io);
      const item = option(rest, '--item') ?? (await candidate(io, id, option(rest, '--candidate')));
      if (!item) {
        io.err('Say which item: --item "<compact> <item id>" (e.g. --item "hertfordshire 4.4") or --candidate 1, 2 or 3.');
        return 2;
      }
      return decide(io, id, { kind: 'example', item });
    }
    case 'out-of-scope':
      return id ? decide(io, id, { kind: 'out-of-scope' }) : usage(io);
    case 'dismiss':
      return id ? decide(io, id, { kind: 'dismissed' }) : usage(io);
    case 'export':
      return exportReviewed(io);
    case 'purge': {
      const { deleted, before } = await purgeQuestions(io.store, io.review, io.retentionDays, io.actor, io.now());
      io.out(`Deleted ${deleted} question${deleted === 1 ? '' : 's'} kept for review since before ${before.toISOString().slice(0, 10)}.`);
      return 0;
    }
    default:
      return usage(io);
  }
}

async function decide(io: ReviewIo, id: string, verdict: Verdict): Promise<number> {
  const decided = await decideQuestion({ kb: io.kb(), review: io.review, store: io.store, clock: io.now }, id, verdict, io.actor);
  if (!decided.ok) {
    io.err(decided.error);
    return 1;
  }
  const q = decided.question;
  const what =
    q.status === 'example' ? `an example of ${describe(io.kb(), q.label!)}` : q.status === 'out-of-scope' ? 'out of scope' : 'dismissed';
  io.out(`${q.id} "${q.question}" is now ${what}.${q.status === 'dismissed' ? '' : ' Every instance answers with it within seconds.'}`);
  return 0;
}

async function candidate(io: ReviewIo, id: string, n: string | undefined): Promise<string | undefined> {
  if (n === undefined) return undefined;
  const q = await io.review.getQuestion(id);
  return q?.candidates[Number(n) - 1]?.key;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function describe(kb: KnowledgeBase, key: string): string {
  const e = kb.entries.find((x) => x.key === key);
  return e ? `${e.compact} ${e.id} (${e.title})` : key;
}

function asJson(kb: KnowledgeBase, q: ReviewQuestion) {
  const candidates = q.candidates.map((c) => {
    const e = kb.entries.find((x) => x.key === c.key);
    return { item: e ? `${e.compact} ${e.id}` : c.key, title: e?.title, p: c.p };
  });
  return {
    id: q.id,
    question: q.question,
    reason: q.reason,
    channel: q.channel,
    askedAt: q.createdAt.toISOString(),
    pressed: q.pressed,
    candidates,
  };
}

function printGroups(io: ReviewIo, pending: ReviewQuestion[]) {
  if (pending.length === 0) {
    io.out('No questions to review.');
    return;
  }
  const kb = io.kb();
  const groups = groupQuestions(pending);
  io.out(
    `${pending.length} question${pending.length === 1 ? '' : 's'} to review, ` +
      `in ${groups.length} group${groups.length === 1 ? '' : 's'}, most asked first.`,
  );
  for (const [i, g] of groups.entries()) {
    io.out('');
    io.out(
      `[${i + 1}] asked ${g.questions.length} time${g.questions.length === 1 ? '' : 's'} ` +
        `by ${g.askers} ${g.askers === 1 ? 'person' : 'people'}`,
    );
    for (const q of g.questions) {
      const pressed = q.pressed.length > 0 ? `  then chose ${q.pressed.map((k) => describe(kb, k)).join(', ')}` : '';
      io.out(
        `  ${q.id}  ${q.createdAt.toISOString().slice(0, 10)}  ${q.channel.padEnd(8)} ${q.reason.padEnd(9)} "${q.question}"${pressed}`,
      );
    }
    g.questions[0]!.candidates.forEach((c, n) => io.out(`      ${n + 1}. ${describe(kb, c.key)}  ${Math.round(c.p * 100)}%`));
  }
  io.out('');
  io.out(
    'Decide: compact-bot review accept <id> --candidate N | --item "<compact> <item id>";  review out-of-scope <id>;  review dismiss <id>',
  );
}

function usage(io: ReviewIo): number {
  io.err(`usage:\n${REVIEW_USAGE.map((l) => `  compact-bot ${l}`).join('\n')}`);
  return 2;
}

export async function reviewCli(args: string[]): Promise<number> {
  const config = coreConfig();
  const { store, review } = await openStores({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  let kb: KnowledgeBase | undefined;
  try {
    return await reviewCommand(args, {
      ...TERMINAL,
      kb: () => (kb ??= loadKnowledge(config.KNOWLEDGE_DIR)),
      knowledgeDir: config.KNOWLEDGE_DIR,
      store,
      review,
      actor: `cli:${userInfo().username}`,
      now: () => new Date(),
      retentionDays: config.QUESTION_RETENTION_DAYS,
    });
  } finally {
    await store.close();
  }
}
