import { coreConfig } from '../config.js';
import { knowledgeCommand } from './knowledge-command.js';

export async function knowledgeCli(args: string[]): Promise<number> {
  return knowledgeCommand(args, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    knowledgeDir: coreConfig().KNOWLEDGE_DIR,
  });
}
