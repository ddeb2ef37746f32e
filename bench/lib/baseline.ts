import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../../src/core/knowledge/types.js';
import type { Outcome } from './score.js';

interface Doc {
  /** Unique: compact, kind and id. */
  id: string;
  /** As the labelled sets name passages: compact and id. */
  cites: string;
  title: string;
  text: string;
  asked: string;
}

function docsOf(kb: KnowledgeBase): Doc[] {
  return kb.entries.map((e) => ({ id: e.key, cites: `${e.compact}:${e.id}`, title: e.title, text: e.text, asked: e.asked.join('\n') }));
}

/** The naive baseline: plain Fuse.js over every item's text, title and example questions; never abstains. */
export class FuseBaseline {
  private readonly fuse: Fuse<Doc>;

  constructor(kb: KnowledgeBase) {
    this.fuse = new Fuse(docsOf(kb), { keys: ['title', 'text', 'asked'], includeScore: true, ignoreLocation: true });
  }

  ask(question: string): Outcome {
    const results = this.fuse.search(question, { limit: 3 });
    return { intent: results.length > 0 ? 'answer' : 'unknown', keys: results.map((r) => r.item.cites) };
  }
}

/** An off-the-shelf BM25 library (MiniSearch) over the same items and examples, with fuzzy and prefix matching; never abstains. */
export class MiniSearchBaseline {
  private readonly index = new MiniSearch<Doc>({
    fields: ['title', 'text', 'asked'],
    storeFields: ['cites'],
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2 } },
  });

  constructor(kb: KnowledgeBase) {
    this.index.addAll(docsOf(kb));
  }

  ask(question: string): Outcome {
    const results = this.index.search(question).slice(0, 3);
    return { intent: results.length > 0 ? 'answer' : 'unknown', keys: results.map((r) => String(r.cites)) };
  }
}
