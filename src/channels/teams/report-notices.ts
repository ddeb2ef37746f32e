import { type Activity, type CloudAdapter, type ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { compactName, type KnowledgeBase, type RecordStore, type Reminder, type SubmissionStore } from '../../core/index.js';
import { adaptiveCard, factSet, heading, plainText } from './card-elements.js';
import { sendProactive } from './proactive.js';

const REPORTS_SETTING = 'teams.reports.reference';

/**
 * Posts a short notice of each new breach report, and reminders of reports left untouched, to the Teams
 * conversation chosen for them: by an administrator ("reports here", "reports off"), or else by configuration
 * (TEAMS_REPORTS_CONVERSATION). "reports off" stays off whatever the configuration says.
 */
export class ReportNotices {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly store: SubmissionStore & RecordStore,
    private readonly kb: KnowledgeBase,
    private readonly log: Logger,
    private readonly configured?: Partial<ConversationReference>,
  ) {}

  /** Makes this activity's conversation the one that receives notices; a thread's channel, not the thread. */
  async remember(activity: Activity, actor: string): Promise<string> {
    const { bot, channelId, serviceUrl, locale, conversation } = TurnContext.getConversationReference(activity);
    const id = conversation!.id.replace(/;messageid=\d+$/, '');
    const reference: Partial<ConversationReference> = { bot, channelId, serviceUrl, locale, conversation: { ...conversation!, id } };
    await this.store.setSetting(REPORTS_SETTING, JSON.stringify(reference));
    await this.store.audit({ actor, action: 'teams.reports.here', target: id, at: new Date() });
    return id;
  }

  async forget(actor: string): Promise<void> {
    await this.store.setSetting(REPORTS_SETTING, '');
    await this.store.audit({ actor, action: 'teams.reports.off', target: '', at: new Date() });
  }

  async current(): Promise<Partial<ConversationReference> | undefined> {
    const raw = await this.store.getSetting(REPORTS_SETTING);
    if (raw === undefined) return this.configured;
    return raw ? (JSON.parse(raw) as Partial<ConversationReference>) : undefined;
  }

  /** Lists the reports waiting for a status change; false when there is nowhere to post it or Teams refused. */
  async remind(reminder: Reminder): Promise<boolean> {
    const reference = await this.current();
    if (!reference) return false;
    const body = [heading('Reports waiting for a status change'), ...plainText(`${reminder.heading}:\n${reminder.lines.join('\n')}`)];
    const card = adaptiveCard(body, reminder.text);
    try {
      await sendProactive(this.adapter, this.appId, reference, card);
      return true;
    } catch (error) {
      this.log.error({ error: error instanceof Error ? error.message : String(error) }, 'teams: could not post the reminder of reports');
      return false;
    }
  }

  /** Reference, compact and organisation concerned only: no reporter, no account of what happened. Never throws. */
  async notify(ref: string): Promise<void> {
    try {
      const reference = await this.current();
      const submission = await this.store.getSubmission(ref);
      if (!reference || !submission) return;
      const items = [
        { label: 'Reference', value: submission.ref },
        { label: 'Compact', value: compactName(this.kb, submission.compact) },
        { label: 'Organisation concerned', value: String(submission.data.aboutOrg ?? '(not given)') },
        { label: 'Received', value: submission.createdAt.toISOString().slice(0, 10) },
      ];
      const card = adaptiveCard(
        [
          heading(`New breach report ${submission.ref}`),
          factSet(items),
          ...plainText(`Staff can read it in full with: compact-bot reports show ${submission.ref}`),
        ],
        `New breach report ${submission.ref} (${items[1]!.value}) about ${items[2]!.value}.`,
      );
      await sendProactive(this.adapter, this.appId, reference, card);
      this.log.info({ ref }, 'teams: breach report notice posted');
    } catch (error) {
      this.log.error(
        { ref, error: error instanceof Error ? error.message : String(error) },
        'teams: could not post the breach report notice',
      );
    }
  }
}
