import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { coreConfig } from '../src/config.js';
import { AnswerEngine } from '../src/core/answers/engine.js';
import type { Reply } from '../src/core/answers/reply.js';
import { loadKnowledge } from '../src/core/knowledge/load.js';
import { FuseBaseline, MiniSearchBaseline } from './lib/baseline.js';
import { crossValidate } from './lib/cross-validate.js';
import { learningLoop } from './lib/learning-loop.js';
import { type LabelledQuestion, loadQuestions } from './lib/questions.js';
import { replicate } from './lib/replicate.js';
import { type BeforeReplies, medianVisible, spanContains, spanOf } from './lib/replies.js';
import { judge, type Outcome, pct, type Tally, tallyBy } from './lib/score.js';

const kb = loadKnowledge(coreConfig().KNOWLEDGE_DIR);
const engine = new AnswerEngine(kb);
const fuse = new FuseBaseline(kb);
const mini = new MiniSearchBaseline(kb);
const verbose = process.argv.includes('--verbose');
/** The engine before the answer model, run on these same sets before it was replaced (bench/before-answer-model.json). */
const before = JSON.parse(readFileSync('bench/before-answer-model.json', 'utf8')) as Record<string, Record<string, Tally>>;
/** The replies before the answer came first (issue 13), on the same sets (bench/before-replies.json). */
const beforeReplies = (JSON.parse(readFileSync('bench/before-replies.json', 'utf8')) as { sets: Record<string, BeforeReplies> }).sets;

const outcome = (r: Reply): Outcome => ({ intent: r.intent, keys: r.hits.map((h) => `${h.compact}:${h.id}`) });
const ours = (q: string): Outcome => outcome(engine.answer(q).reply);

const line = (t: Tally | undefined) =>
  t
    ? [pct(t.right, t.n), pct(t.wrongCitation, t.n), pct(t.declined, t.answerable), pct(t.outOfScopeDeclined, t.outOfScope)]
        .map((cell) => cell.padStart(6))
        .join(' ')
    : '     –      –      –      –';

function accuracy(file: string, questions: LabelledQuestion[]) {
  const replies = questions.map((q) => engine.answer(q.q).reply);
  const mine = questions.map((q, i) => judge(q, outcome(replies[i]!)));
  const a = tallyBy(questions, mine);
  const f = tallyBy(
    questions,
    questions.map((q) => judge(q, fuse.ask(q.q))),
  );
  const m = tallyBy(
    questions,
    questions.map((q) => judge(q, mini.ask(q.q))),
  );
  const old = before[file];
  console.log(`\n## ${file} (${questions.length} questions)`);
  console.log('columns: right, wrong citation, declined when answerable, out-of-scope declined');
  console.log(
    `${'category'.padEnd(16)}  n    ${'ours'.padEnd(27)}  ${'before the model'.padEnd(27)}  ${'naive Fuse.js'.padEnd(27)}  MiniSearch`,
  );
  const cats = [...a.keys()].sort((x, y) => (x === 'ALL' ? 1 : y === 'ALL' ? -1 : x.localeCompare(y)));
  for (const cat of cats) {
    console.log(
      `${cat.padEnd(16)} ${String(a.get(cat)!.n).padStart(3)}  ` +
        `${line(a.get(cat))}  ${line(old?.[cat])}  ${line(f.get(cat))}  ${line(m.get(cat))}`,
    );
  }
  replyFigures(file, questions, replies, a.get('ALL')!);
  const wrong = questions.map((q, i) => ({ q, v: mine[i]! })).filter((x) => x.v !== 'right');
  if (verbose) {
    for (const { q, v } of wrong) {
      const o = ours(q.q);
      console.log(
        `  ✗ ${v} [${q.category}] ${q.q}\n      want ${q.intent} ${q.expect.join('|')}  got ${o.intent} ${o.keys.slice(0, 3).join(', ')}`,
      );
    }
  } else if (wrong.length > 0) {
    console.log(`  (${wrong.length} not right; --verbose lists them)`);
  }
}

const count = (t: Tally) => `${t.right} right, ${t.wrongCitation} wrong citations, ${t.declined} answerable declined`;

/** The answer first: how often the emphasised span holds the expected answer, and how long replies are before and after. */
function replyFigures(file: string, questions: LabelledQuestion[], replies: Reply[], all: Tally) {
  const old = beforeReplies[file];
  const spans = spanContains(questions, replies);
  if (spans.labelled > 0) {
    console.log(
      `emphasised span holds the expected answer: ${spans.contained}/${spans.labelled} (${pct(spans.contained, spans.labelled)}); ` +
        `${spans.spanned} of them answered with a span`,
    );
    if (verbose) {
      questions.forEach((q, i) => {
        const span = spanOf(replies[i]!);
        if (q.answer && !(span ?? '').toLowerCase().includes(q.answer.toLowerCase()))
          console.log(`  ✗ span [${q.q}] want "${q.answer}" got "${span ?? '(no span)'}"`);
      });
    }
  }
  console.log(
    `median visible length of answers and comparisons: ${medianVisible(replies)} characters (before: ${old?.medianLength ?? '–'})`,
  );
  if (old) console.log(`verdicts: now ${count(all)}; before ${count(old.tally)}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function latency(questions: LabelledQuestion[]) {
  console.log('\n## Latency per answer, in process (knowledge base and its examples copied 10× and 100× under other names)');
  console.log('scale   items   examples   build ms   p50 ms   p99 ms   max ms   heap MB');
  for (const times of [1, 10, 100]) {
    const big = times === 1 ? kb : replicate(kb, times);
    const t0 = performance.now();
    const e = new AnswerEngine(big, kb.model);
    const build = performance.now() - t0;
    const asked = times === 100 ? questions.slice(0, 300) : questions;
    for (const q of asked) e.answer(q.q);
    const samples: number[] = [];
    for (let r = 0; r < (times === 1 ? 5 : 2); r++) {
      for (const q of asked) {
        const s = performance.now();
        e.answer(q.q);
        samples.push(performance.now() - s);
      }
    }
    samples.sort((x, y) => x - y);
    const examples = big.entries.reduce((s, x) => s + x.asked.length, 0);
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    console.log(
      `${`${times}×`.padEnd(7)} ` +
        [
          String(big.entries.length).padStart(5),
          String(examples).padStart(8),
          build.toFixed(0).padStart(8),
          percentile(samples, 50).toFixed(2).padStart(6),
          percentile(samples, 99).toFixed(2).padStart(6),
          samples.at(-1)!.toFixed(2).padStart(6),
          heap.toFixed(0).padStart(7),
        ].join('   '),
    );
  }
}

function coldStart() {
  console.log('\n## Cold start: `compact-bot ask` as a new process, to its first answer');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    const r = spawnSync(process.execPath, ['bin/compact-bot.js', 'ask', 'what notice is required before our funding is cut?'], {
      encoding: 'utf8',
    });
    runs.push(performance.now() - s);
    if (r.status !== 0) throw new Error(`ask failed: ${r.stderr}`);
  }
  const probe = spawnSync(process.execPath, ['bin/run-ts.js', 'bench/lib/rss-probe.ts'], { encoding: 'utf8' });
  runs.sort((x, y) => x - y);
  console.log(`median ${runs[2]!.toFixed(0)} ms, worst ${runs[4]!.toFixed(0)} ms over 5 runs`);
  console.log(`RSS after loading the knowledge base and answering one question: ${(Number(probe.stdout.trim()) / 2 ** 20).toFixed(0)} MB`);
}

const files = readdirSync('bench')
  .filter((f) => f.endsWith('.jsonl'))
  .sort((x, y) => Number(x.startsWith('holdout')) - Number(y.startsWith('holdout')) || x.localeCompare(y));
const only = process.argv.find((a) => a.startsWith('--set='))?.slice(6);
console.log('# compact-bot answer quality');
console.log(
  'Sets named holdout* are held back: written apart from the examples, never trained or tuned on. The others are our development sets.',
);
for (const f of files) if (!only || f.includes(only)) accuracy(f, loadQuestions(`bench/${f}`));
for (const f of ['holdout-staff.jsonl', 'holdout.jsonl']) if (!only || f.includes(only)) learningLoop(kb, f, loadQuestions(`bench/${f}`));
if (!process.argv.includes('--accuracy-only')) {
  if (existsSync('knowledge/model.json')) crossValidate(kb);
  latency(files.filter((f) => !f.startsWith('holdout')).flatMap((f) => loadQuestions(`bench/${f}`)));
  coldStart();
}
