import type { KnowledgeBase } from '../knowledge/types.js';
import type { exactCommand } from './commands.js';
import * as compose from './compose.js';
import { browseReply } from './compose-browse.js';
import type { AnswerContext, EngineResult } from './engine-types.js';

type Command = NonNullable<ReturnType<typeof exactCommand>>;

export function commandReply(kb: KnowledgeBase, command: Command, question: string, ctx: AnswerContext): EngineResult {
  switch (command.kind) {
    case 'item':
      return { context: ctx, reply: compose.itemReply(kb, question, command.entry), chosen: command.entry.key };
    case 'help':
      return { context: ctx, reply: compose.helpReply(kb, ctx.defaultCompact) };
    case 'browse':
      return { context: ctx, reply: browseReply(kb, command.browse, question) };
    case 'start':
      return {
        context: ctx,
        reply: compose.routeReply(kb, command.flow, ctx.defaultCompact ? [ctx.defaultCompact] : []),
        start: { flow: command.flow, compact: ctx.defaultCompact },
      };
    case 'use':
      if (command.compact) ctx.defaultCompact = command.compact;
      else delete ctx.defaultCompact;
      return { context: ctx, reply: compose.defaultCompactReply(kb, ctx.defaultCompact) };
  }
}
