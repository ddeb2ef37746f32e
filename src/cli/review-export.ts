import { writeFileSync } from 'node:fs';
import { loadKnowledge } from '../core/knowledge/load.js';
import { exportExamples } from '../core/review/export.js';
import type { ReviewIo } from './review-io.js';

/**
 * `review export`: writes the accepted examples into the knowledge files, checks the knowledge base still
 * loads (undoing the change if not), and only then stops keeping them separately.
 */
export async function exportReviewed(io: ReviewIo): Promise<number> {
  const accepted = await io.review.accepted();
  if (accepted.length === 0) {
    io.out('No accepted examples to export.');
    return 0;
  }
  const result = exportExamples(io.knowledgeDir, io.kb(), accepted);
  try {
    loadKnowledge(io.knowledgeDir);
  } catch (error) {
    for (const [path, text] of result.originals) writeFileSync(path, text);
    io.err(
      'The knowledge base would not load after the export, so nothing was changed:\n' +
        (error instanceof Error ? error.message : String(error)),
    );
    return 1;
  }
  const removed = await io.review.removeExported(result.written.map((w) => w.id));
  await io.store.audit({
    actor: io.actor,
    action: 'review.export',
    target: `${removed} examples into ${[...result.originals.keys()].length} files`,
    at: io.now(),
  });
  for (const w of result.written) io.out(`${w.id} → ${w.file}`);
  for (const s of result.skipped) io.err(`${s.id} kept in review: ${s.reason}`);
  io.out(`Exported ${result.written.length} example${result.written.length === 1 ? '' : 's'}; \`compact-bot knowledge check\` passes.`);
  io.out('Next: `npm run train` so knowledge/model.json is trained on them (a test fails until it is), then commit the knowledge files.');
  return result.skipped.length > 0 ? 1 : 0;
}
