// Prints the RSS of a process that has loaded the knowledge base and answered one question.
import { coreConfig } from '../../src/config.js';
import { AnswerEngine } from '../../src/core/answers/engine.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';

const engine = new AnswerEngine(loadKnowledge(coreConfig().KNOWLEDGE_DIR));
engine.answer('what notice is required before our funding is cut?');
process.stdout.write(`${process.memoryUsage().rss}\n`);
