import Fuse from 'fuse.js';
import { foldForComparison } from '../../src/core/knowledge/verbatim.js';
import type { KnowledgeBase } from '../../src/core/knowledge/types.js';
import type { Outcome } from './score.js';

interface Paragraph {
  compact: string;
  text: string;
  /** Entries whose quote lies in this paragraph, or that contain it. */
  keys: string[];
}

/** The naive baseline: plain Fuse.js over the source paragraphs, no intents, no abstaining. */
export class NaiveBaseline {
  private readonly fuse: Fuse<Paragraph>;

  constructor(kb: KnowledgeBase) {
    const paragraphs: Paragraph[] = [];
    for (const c of kb.compacts) {
      for (const text of c.texts.values()) {
        for (const p of text.split(/\n\s*\n/)) {
          const folded = foldForComparison(p);
          if (folded.length < 20) continue;
          const keys = c.entries
            .filter((e) => {
              const t = foldForComparison(e.text);
              return folded.includes(t) || (folded.length > 40 && t.includes(folded));
            })
            .map((e) => `${e.compact}:${e.id}`);
          paragraphs.push({ compact: c.meta.id, text: p, keys });
        }
      }
    }
    this.fuse = new Fuse(paragraphs, { keys: ['text'], includeScore: true, ignoreLocation: true });
  }

  ask(question: string): Outcome {
    const results = this.fuse.search(question, { limit: 3 });
    return { intent: results.length > 0 ? 'answer' : 'unknown', keys: results.flatMap((r) => r.item.keys) };
  }
}
