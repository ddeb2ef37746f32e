import { INTENT_NAMES } from '../knowledge/schema.js';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { SearchIndex } from '../search/search-index.js';
import { contentStems, words } from '../search/text.js';
import { Vocabulary } from '../search/vocabulary.js';
import { type Analysis, Analyzer } from './analyze.js';
import { type Evidence, findCandidates } from './candidates.js';
import { ExampleIndex, type Featurized } from './example-index.js';
import { describeOptions, intentLabel, NONE_LABEL, type Option } from './features.js';
import { featurize } from './featurize.js';
import { Glossary } from './glossary.js';
import type { Features, TrainingCase } from './model.js';
import { WordLikelihood } from './word-likelihood.js';

export interface Example {
  label: string;
  text: string;
}

/** Every example question in the knowledge base, labelled: items by key, intents, and "none". */
export function examplesOf(kb: KnowledgeBase): Example[] {
  return [
    ...kb.entries.flatMap((e) => e.asked.map((text) => ({ label: e.key, text }))),
    ...kb.intents.flatMap((i) => i.asked.map((text) => ({ label: intentLabel(i.intent), text }))),
    ...kb.outOfScope.flatMap((o) => o.asked.map((text) => ({ label: NONE_LABEL, text }))),
  ];
}

const OTHER_LABELS = [...INTENT_NAMES.map(intentLabel), NONE_LABEL];

export interface Described {
  evidence: Evidence;
  options: Option[];
  features: Features[];
}

/** The analyse and candidate stages and the features of each option: everything the model scores. */
export class Scorer {
  readonly analyzer: Analyzer;
  readonly byKey: Map<string, Entry>;
  private readonly index: SearchIndex;
  private readonly examples: ExampleIndex;
  private readonly likelihood: WordLikelihood;
  private readonly glossary: Glossary;
  private readonly examplesList: (Example & { features: Featurized; stems: Set<string> })[];
  /** Stems of the compacts' own text and our titles and keywords. */
  private readonly kbStems = new Set<string>();
  /** In how many in-scope examples each stem occurs. */
  private readonly exampleStems = new Map<string, number>();
  /** The example index's documents that were added at run time (accepted in review). */
  private readonly learned = new Set<number>();

  constructor(readonly kb: KnowledgeBase) {
    const listed = examplesOf(kb);
    const vocab = new Vocabulary(kb, wordsSeenTwice(listed));
    this.index = new SearchIndex(kb.entries);
    this.analyzer = new Analyzer(kb, vocab, (s) => this.index.idf(s));
    this.glossary = new Glossary(kb);
    this.byKey = new Map(kb.entries.map((e) => [e.key, e]));
    for (const e of kb.entries) for (const t of [e.text, e.title, ...e.keywords]) for (const s of contentStems(t)) this.kbStems.add(s);
    this.examplesList = listed.map((e) => {
      const features = featurize(this.analyzer.analyze(e.text));
      return { ...e, features, stems: new Set(contentStems(e.text)) };
    });
    for (const e of this.examplesList) if (e.label !== NONE_LABEL) this.countStems(e.stems);
    this.examples = new ExampleIndex(this.examplesList);
    this.likelihood = new WordLikelihood(this.examplesList);
  }

  /**
   * Adds an example accepted while running: it counts at once in the nearest examples, the word likelihoods
   * and the known words, without retraining.
   */
  addExample(label: string, text: string): void {
    const features = featurize(this.analyse(text));
    if (label !== NONE_LABEL) this.countStems(new Set(contentStems(text)));
    this.learned.add(this.examples.add(label, features));
    this.likelihood.add(label, features);
  }

  /**
   * The label of an example added at run time that the question repeats nearly word for word. The model was
   * trained with each example's near-copies left out, so it never learnt that such a match settles the
   * question; until the next `npm run train` takes the example in, this says so.
   */
  learnedMatch(f: Featurized): { label: string; cos: number } | undefined {
    return this.learned.size === 0 ? undefined : this.examples.nearCopy(f, this.learned);
  }

  /** Glossary entries named in a question, in any compact. */
  spotTerms(a: Analysis): Entry[] {
    return this.glossary.spot(a);
  }

  analyse(question: string): Analysis {
    return this.analyzer.analyze(question.slice(0, 2000));
  }

  describe(a: Analysis, scope: string[] = []): Described {
    return this.described(a, scope, -1, new Set());
  }

  /**
   * One training case per example, each described with itself left out of the example index and of the
   * known words: as the model will meet a question it has not seen.
   */
  trainingCases(): TrainingCase[] {
    const cases: TrainingCase[] = [];
    this.examplesList.forEach((e, i) => {
      const d = this.described(this.analyse(e.text), [], i, e.label === NONE_LABEL ? new Set() : e.stems, e);
      let gold = d.options.findIndex((o) => labelOf(o) === e.label);
      if (gold < 0) {
        const entry = this.byKey.get(e.label);
        if (!entry) return;
        const extra = describeOptions({ ...d.evidence, items: [entry] }, () => true, new Map());
        d.options.unshift(extra.options[0]!);
        d.features.unshift(extra.features[0]!);
        gold = 0;
      }
      cases.push({ options: d.features, gold, weight: 1 });
    });
    return cases;
  }

  private described(
    a: Analysis,
    scope: string[],
    exclude: number,
    own: Set<string>,
    example?: { label: string; features: Featurized },
  ): Described {
    const features = featurize(a);
    const evidence = findCandidates(
      { byKey: this.byKey, index: this.index, examples: this.examples, analyzer: this.analyzer, glossary: this.glossary },
      a,
      features,
      scope,
      exclude,
    );
    const known = (s: string) => this.kbStems.has(s) || (this.exampleStems.get(s) ?? 0) - (own.has(s) ? 1 : 0) > 0;
    const labels = [...evidence.items.map((e) => e.key), ...OTHER_LABELS];
    const likely = this.likelihood.posterior(features, labels, example);
    return { evidence, ...describeOptions(evidence, known, likely) };
  }

  private countStems(stems: Set<string>) {
    for (const s of stems) this.exampleStems.set(s, (this.exampleStems.get(s) ?? 0) + 1);
  }
}

export function labelOf(o: Option): string {
  return o.kind === 'item' ? o.entry.key : o.kind === 'intent' ? intentLabel(o.intent) : NONE_LABEL;
}

/**
 * Words of the examples that the speller may take as known. Examples are written with typos on purpose;
 * a typo is one example's, while a real word recurs, so a word must occur in two examples to count.
 */
function wordsSeenTwice(examples: Example[]): string[] {
  const seen = new Map<string, number>();
  for (const e of examples) for (const w of new Set(words(e.text))) seen.set(w, (seen.get(w) ?? 0) + 1);
  return [...seen].filter(([, n]) => n >= 2).map(([w]) => w);
}
