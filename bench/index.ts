import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { coreConfig } from '../src/config.js';
import { AnswerEngine } from '../src/core/answers/engine.js';
import { loadKnowledge } from '../src/core/knowledge/load.js';
import { NaiveBaseline } from './lib/baseline.js';
import { loadQuestions, type LabelledQuestion } from './lib/questions.js';
import { replicate } from './lib/replicate.js';
import { judge, pct, tallyBy, type Outcome } from './lib/score.js';

const kb = loadKnowledge(coreConfig().KNOWLEDGE_DIR);
const engine = new AnswerEngine(kb);
const baseline = new NaiveBaseline(kb);

function ours(q: string): Outcome {
  const r = engine.answer(q).reply;
  return { intent: r.intent, keys: r.hits.map((h) => `${h.compact}:${h.id}`) };
}

function accuracy(name: string, questions: LabelledQuestion[]) {
  const mine = questions.map((q) => judge(q, ours(q.q)));
  const naive = questions.map((q) => judge(q, baseline.ask(q.q)));
  const a = tallyBy(questions, mine);
  const b = tallyBy(questions, naive);
  console.log(`\n## Accuracy: ${name} (${questions.length} questions)`);
  console.log('category            n   ours   (intent, top-3)          naive Fuse.js baseline');
  for (const [cat, t] of [...a].sort(([x], [y]) => (x === 'ALL' ? 1 : y === 'ALL' ? -1 : x.localeCompare(y)))) {
    const base = b.get(cat)!;
    console.log(`${cat.padEnd(18)} ${String(t.n).padStart(3)}  ${pct(t.correct, t.n).padStart(6)}  (${pct(t.intent, t.n)}, ${pct(t.top3, t.n)})`.padEnd(57) + pct(base.correct, base.n).padStart(6));
  }
  const withPassage = questions.map((q, i) => ({ q, i })).filter(({ q }) => q.expect.length > 0);
  const rate = (vs: typeof mine, k: 'top1' | 'top3') => pct(withPassage.filter(({ i }) => vs[i]![k]).length, withPassage.length);
  console.log(
    `retrieval alone, on the ${withPassage.length} questions with a passage expected (intent ignored): ours top-1 ${rate(mine, 'top1')}, top-3 ${rate(mine, 'top3')}; naive top-1 ${rate(naive, 'top1')}, top-3 ${rate(naive, 'top3')}`,
  );
  const wrong = questions.map((q, i) => ({ q, v: mine[i]! })).filter((x) => !x.v.correct);
  if (process.argv.includes('--verbose')) {
    for (const { q } of wrong) {
      const o = ours(q.q);
      console.log(`  ✗ [${q.category}] ${q.q}\n      want ${q.intent} ${q.expect.join('|')}  got ${o.intent} ${o.keys.slice(0, 3).join(', ')}`);
    }
  } else if (wrong.length > 0) {
    console.log(`  (${wrong.length} wrong; run with --verbose to list them)`);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function latency(questions: LabelledQuestion[]) {
  console.log('\n## Latency per answer, in process (ours, and the naive Fuse.js baseline over the same texts)');
  console.log('scale   entries   build ms   p50 ms   p99 ms   max ms   heap MB   naive build ms   naive p50 ms   naive p99 ms');
  for (const times of [1, 10, 100]) {
    const big = times === 1 ? kb : replicate(kb, times);
    const t0 = performance.now();
    const e = new AnswerEngine(big);
    const build = performance.now() - t0;
    const ours = timeAnswers((q) => e.answer(q), times === 100 ? 2 : 5, questions);
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    // The baseline scans every paragraph for every question: at 10× it is timed on the first 20 questions, and not at all at 100×.
    let naive = '             –              –              –';
    if (times < 100) {
      const n0 = performance.now();
      const naiveEngine = new NaiveBaseline(big);
      const naiveBuild = performance.now() - n0;
      const t = timeAnswers((q) => naiveEngine.ask(q), 1, times === 1 ? questions : questions.slice(0, 20));
      naive = `${naiveBuild.toFixed(0).padStart(14)}   ${t.p50.toFixed(2).padStart(12)}   ${t.p99.toFixed(2).padStart(12)}`;
    }
    console.log(
      `${`${times}×`.padEnd(7)} ${String(big.entries.length).padStart(7)}   ${build.toFixed(0).padStart(8)}   ${ours.p50.toFixed(2).padStart(6)}   ${ours.p99.toFixed(2).padStart(6)}   ${ours.max.toFixed(2).padStart(6)}   ${heap.toFixed(0).padStart(7)}   ${naive}`,
    );
  }

  /** Times `answer` over the questions, after one round to warm up. */
  function timeAnswers(answer: (q: string) => unknown, rounds: number, asked: LabelledQuestion[]): { p50: number; p99: number; max: number } {
    for (const q of asked) answer(q.q);
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of asked) {
        const s = performance.now();
        answer(q.q);
        samples.push(performance.now() - s);
      }
    }
    samples.sort((x, y) => x - y);
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples.at(-1)! };
  }
}

function coldStart() {
  console.log('\n## Cold start: `compact-bot ask` as a new process, to its first answer');
  const runs: number[] = [];
  let rss = 0;
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    const r = spawnSync(process.execPath, ['bin/compact-bot.js', 'ask', 'what notice is required before our funding is cut?'], { encoding: 'utf8' });
    runs.push(performance.now() - s);
    if (r.status !== 0) throw new Error(`ask failed: ${r.stderr}`);
  }
  const probe = spawnSync(process.execPath, ['bin/run-ts.js', 'bench/lib/rss-probe.ts'], { encoding: 'utf8' });
  rss = Number(probe.stdout.trim());
  runs.sort((x, y) => x - y);
  console.log(`median ${runs[2]!.toFixed(0)} ms, worst ${runs[4]!.toFixed(0)} ms over 5 runs`);
  console.log(`RSS after loading the knowledge base and answering one question: ${(rss / 2 ** 20).toFixed(0)} MB`);
}

const dev = readdirSync('bench')
  .filter((f) => /^questions.*\.jsonl$/.test(f))
  .sort()
  .flatMap((f) => loadQuestions(`bench/${f}`));
accuracy('our labelled set (bench/questions*.jsonl)', dev);
if (existsSync('bench/holdout.jsonl') && !process.argv.includes('--dev')) accuracy('held back, never tuned on (bench/holdout.jsonl)', loadQuestions('bench/holdout.jsonl'));
if (!process.argv.includes('--accuracy-only')) {
  latency(dev);
  coldStart();
}
