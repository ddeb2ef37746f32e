/**
 * The core's public module: the one core module a channel may import (test/structure/boundaries.test.ts checks it).
 * It holds the ports, the conversation entry point, the reply model and what rendering it needs, the form
 * definitions, and the knowledge and store types.
 */

export { citationSegments, linkSegments, quoteText, type Segment, shortCitation } from './answers/blocks.js';
export { commandText } from './answers/commands.js';

export { compactName, EXAMPLES, helpReply, listCompacts, reply } from './answers/compose.js';
export { renderText } from './answers/render-text.js';
export type { CompareRow } from './answers/reply.js';
export { type Answered, Conversations } from './conversation.js';
export { compactNamed } from './flows/fields.js';
export { FLOWS, type Who } from './flows/runner.js';
export type { FieldDef, FlowDef } from './flows/types.js';
export type { KnowledgeBase } from './knowledge/types.js';
export { NOTE_MAX } from './reports/report-desk.js';
export { type Reminder, reportFields, reportLine, STATUS_LABEL } from './reports/report-wording.js';
export { decideQuestion, type Verdict } from './review/decisions.js';
export { groupQuestions, type ReviewGroup } from './review/group.js';
export type { StatusChange } from './storage/report-store.js';
export type { RecordStore, Submission, SubmissionKind, SubmissionStore } from './storage/store.js';
export { SUBMISSION_STATUSES } from './storage/store.js';
export type { Action, Block, Citation, HttpRoute, PlatformAdapter, Reply } from './types.js';
