export interface Feedback {
  conversationId: string;
  userId: string;
  channel: string;
  question: string;
  answerKeys: string[];
  helpful: boolean;
  createdAt: Date;
}

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  at: Date;
}

/** Feedback, the audit log and small settings. Every implementation passes test/storage/contract/records.ts. */
export interface RecordStore {
  recordFeedback(feedback: Feedback): Promise<void>;
  listFeedback(): Promise<Feedback[]>;

  audit(entry: AuditEntry): Promise<void>;
  listAudit(): Promise<AuditEntry[]>;

  /** Small named values, e.g. the Teams conversation that receives new reports. */
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
}
