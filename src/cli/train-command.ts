import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { coreConfig } from '../config.js';
import { type CalibrationQuestion, trainModel } from '../core/answers/train.js';
import { loadKnowledge, MODEL_FILE } from '../core/knowledge/load.js';

/** `compact-bot train`: trains the answer model on the knowledge base's examples and writes model.json beside them. */
export async function trainCommand(args: string[]): Promise<number> {
  const files = args[0] === '--calibrate' ? args.slice(1) : [];
  if (files.length === 0) {
    process.stderr.write(
      'usage: compact-bot train --calibrate <questions.jsonl>…   (trains the answer model; writes model.json into KNOWLEDGE_DIR)\n',
    );
    return 2;
  }
  const dir = coreConfig().KNOWLEDGE_DIR;
  const started = performance.now();
  const model = trainModel(loadKnowledge(dir), files.flatMap(readQuestions));
  const file = join(dir, MODEL_FILE);
  writeFileSync(file, `${JSON.stringify(model, null, 1)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Trained on ${model.trainedOn} in ${seconds} s: temperature ${model.temperature}, ` +
      `answer at ${model.thresholds.answer}, suggest at ${model.thresholds.suggest}. Wrote ${file}.\n`,
  );
  return 0;
}

/** Labelled questions, one JSON object a line: `{"q", "intent", "expect"}`. */
function readQuestions(file: string): CalibrationQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const x = JSON.parse(line) as Partial<CalibrationQuestion>;
      if (typeof x.q !== 'string' || typeof x.intent !== 'string') throw new Error(`${file}:${i + 1}: needs "q" and "intent"`);
      return { q: x.q, intent: x.intent, expect: x.expect ?? [] };
    });
}
