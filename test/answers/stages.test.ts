import { describe, expect, it } from 'vitest';
import { exactCommand } from '../../src/core/answers/commands.js';
import { decide } from '../../src/core/answers/decide.js';
import { ExampleIndex } from '../../src/core/answers/example-index.js';
import { fitTemperature, probabilities, type TrainingCase, train } from '../../src/core/answers/model.js';
import type { Entry, KnowledgeBase } from '../../src/core/knowledge/types.js';

const entry = (compact: string, id: string): Entry =>
  ({
    key: `${compact}:undertaking:${id}`,
    kind: 'undertaking',
    compact,
    id,
    title: id,
    text: id,
    keywords: [],
    asked: [],
  }) as unknown as Entry;

describe('example index', () => {
  const feats = (text: string) => ({ words: text.split(' '), chars: text.split(' ').flatMap((w) => [w.slice(0, 3), w.slice(-3)]) });
  const index = new ExampleIndex([
    { label: 'notice', features: feats('notice before funding ends') },
    { label: 'notice', features: feats('how much notice for a grant cut') },
    { label: 'consult', features: feats('how long is a consultation') },
  ]);

  it('finds the label whose examples share the most telling words, and leaves one example out on request', () => {
    const sims = index.similar(feats('notice funding'), () => ['notice', 'consult']);
    expect(sims.get('notice')!.words[0]).toBeGreaterThan(sims.get('consult')?.words[0] ?? 0);
    const without = index.similar(feats('notice before funding ends'), () => [], 0);
    expect(without.get('notice')!.words[0]).toBeLessThan(0.99);
  });

  it('matches a misspelt word by character n-grams', () => {
    const sims = index.similar({ words: ['consultatoin'], chars: ['con', 'oin'] }, () => ['consult', 'notice']);
    expect(sims.get('consult')!.chars).toBeGreaterThan(sims.get('notice')?.chars ?? 0);
  });

  it('counts an example added later', () => {
    const grown = new ExampleIndex([{ label: 'a', features: feats('alpha beta') }]);
    grown.add('b', feats('gamma delta'));
    expect(grown.similar(feats('gamma delta'), () => []).get('b')!.words[0]).toBeCloseTo(1, 5);
  });
});

describe('model', () => {
  // Two options per case: the right one has the higher "x".
  const cases: TrainingCase[] = Array.from({ length: 40 }, (_, i) => ({
    options: [{ x: 0.2 + (i % 5) / 20 }, { x: 0.6 + (i % 3) / 10 }],
    gold: 1,
    weight: 1,
  }));

  it('learns a positive weight for evidence that picks the right option, deterministically', () => {
    const w = train(cases, { epochs: 100 });
    expect(w.x).toBeGreaterThan(0);
    expect(train(cases, { epochs: 100 })).toEqual(w);
    const p = probabilities({ weights: w, temperature: 1 }, cases[0]!.options);
    expect(p[1]).toBeGreaterThan(p[0]!);
    expect(p[0]! + p[1]!).toBeCloseTo(1, 10);
  });

  it('fits a temperature within its grid', () => {
    const t = fitTemperature({ x: 1 }, cases);
    expect(t).toBeGreaterThanOrEqual(0.5);
    expect(t).toBeLessThanOrEqual(3);
  });
});

describe('decide', () => {
  const thresholds = { answer: 0.5, suggest: 0.2 };
  const item = (e: Entry, p: number) => ({ option: { kind: 'item' as const, entry: e }, p });
  const a = entry('herts', '4.4');
  const b = entry('dacorum', 'f3');
  const c = entry('herts', '4.2');

  it('answers when the best item is likely, with other compacts that answer alike', () => {
    const d = decide([item(a, 0.4), item(b, 0.3), item(c, 0.1), { option: { kind: 'none' }, p: 0.2 }], thresholds);
    expect(d).toMatchObject({ kind: 'answer', item: a });
    expect(d.kind === 'answer' && d.others.map((r) => r.option)).toEqual([{ kind: 'item', entry: b }]);
  });

  it('offers choices when unsure, and declines when "none" is likeliest', () => {
    expect(decide([item(a, 0.3), item(c, 0.25), { option: { kind: 'none' }, p: 0.2 }], thresholds)).toMatchObject({
      kind: 'suggest',
      items: [a, c],
    });
    expect(decide([item(a, 0.3), { option: { kind: 'none' }, p: 0.7 }], thresholds)).toMatchObject({ kind: 'decline', nearest: a });
  });

  it('acts on an intent that wins', () => {
    expect(decide([{ option: { kind: 'intent', intent: 'signup' }, p: 0.6 }, item(a, 0.4)], thresholds)).toMatchObject({
      kind: 'intent',
      intent: 'signup',
    });
  });
});

describe('exact commands', () => {
  const kb = {
    entries: [entry('herts', '4.4')],
    compacts: [{ meta: { id: 'herts', area: 'Hertfordshire', aliases: ['hertfordshire county'] } }],
  } as unknown as KnowledgeBase;

  it('knows the buttons and "use", and nothing else', () => {
    expect(exactCommand(kb, 'herts 4.4')).toMatchObject({ kind: 'item' });
    expect(exactCommand(kb, 'Report a breach')).toEqual({ kind: 'start', flow: 'breach' });
    expect(exactCommand(kb, 'use Hertfordshire')).toEqual({ kind: 'use', compact: 'herts' });
    expect(exactCommand(kb, 'use all compacts')).toEqual({ kind: 'use' });
    expect(exactCommand(kb, 'help')).toEqual({ kind: 'help' });
    expect(exactCommand(kb, 'can you help me report a breach')).toBeUndefined();
    expect(exactCommand(kb, 'use the force')).toBeUndefined();
    expect(exactCommand(kb, 'constructor')).toBeUndefined();
  });
});
