/**
 * The core's public module: the one core module a channel may import (test/structure/boundaries.test.ts checks it).
 * It holds the ports, the conversation entry point, the reply model and what rendering it needs, the form
 * definitions, and the knowledge and store types.
 */

export type { Action, Block, Citation, HttpRoute, PlatformAdapter, Reply } from './types.js';

export { Conversations, type Answered } from './conversation.js';

export { compactName, EXAMPLES, helpReply, listCompacts, reply } from './answers/compose.js';
export { commandText } from './answers/commands.js';
export { renderText } from './answers/render-text.js';

export { compactNamed } from './flows/fields.js';
export { FLOWS, type Who } from './flows/runner.js';
export type { FieldDef, FlowDef } from './flows/types.js';

export type { KnowledgeBase } from './knowledge/types.js';
export type { RecordStore, Store, Submission, SubmissionKind, SubmissionStore } from './storage/store.js';

export { citationSegments, linkSegments, quoteText, shortCitation, type Segment } from './answers/blocks.js';
export type { CompareRow } from './answers/reply.js';
export { NOTE_MAX } from './reports/report-desk.js';
export { reportFields, reportLine, STATUS_LABEL, type Reminder } from './reports/report-wording.js';
export { decideQuestion, type Verdict } from './review/decisions.js';
export { groupQuestions, type ReviewGroup } from './review/group.js';
export type { StatusChange } from './storage/report-store.js';
export { SUBMISSION_STATUSES } from './storage/store.js';
