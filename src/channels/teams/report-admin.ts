import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Runtime } from '../../runtime.js';
import type { AdminCheck } from './admins.js';
import type { AdaptiveCard } from './card-elements.js';
import { whoOf } from './inbound.js';
import { REPORT_VERB, reportCard, reportListCard, reportNotice, type Viewer } from './report-admin-card.js';

const SHOWN = 25;
const CARD = 'application/vnd.microsoft.card.adaptive';
const cardResponse = (card: AdaptiveCard) => ({ statusCode: 200, type: CARD, value: card });

const pressSchema = z.object({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.enum([REPORT_VERB.list, REPORT_VERB.open, REPORT_VERB.status]),
    data: z.looseObject({
      ref: z.string().max(40).optional(),
      status: z.string().max(40).optional(),
      note: z.string().max(10_000).optional(),
    }),
  }),
});

const isReportVerb = (verb: unknown) => typeof verb === 'string' && verb.startsWith('compactBot.reports.');

/**
 * Administrators handling reports in Teams: every card is an Action.Execute invoke answered to the presser
 * alone, and the presser is checked as an administrator on every press, whatever card they pressed.
 */
export class ReportAdmin {
  constructor(
    private readonly app: Runtime,
    private readonly admins: AdminCheck,
  ) {}

  /** An `adaptiveCard/action` invoke from one of the report cards. */
  handles(activity: Activity): boolean {
    const value = activity.value as { action?: { verb?: unknown } } | undefined;
    return activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && isReportVerb(value?.action?.verb);
  }

  async onInvoke(ctx: TurnContext): Promise<unknown> {
    const refused = this.admins(ctx.activity);
    if (refused) return cardResponse(reportNotice(refused));
    const pressed = pressSchema.safeParse(ctx.activity.value);
    if (!pressed.success) return cardResponse(reportNotice('This card is not one compact-bot can read; type "reports" for a new one.'));
    const { verb, data } = pressed.data.action;
    const viewer: Viewer = { id: ctx.activity.from.id, name: ctx.activity.from.name ?? 'you' };
    const actor = `teams:${whoOf(ctx.activity).userId}`;
    const { kb, reports } = this.app;
    if (verb === REPORT_VERB.list) {
      const listed = await reports.list(actor, SHOWN);
      return cardResponse(reportListCard(kb, viewer, listed.reports, listed.total));
    }
    const ref = data.ref ?? '';
    if (verb === REPORT_VERB.open) {
      const opened = await reports.open(actor, ref);
      return cardResponse(opened ? reportCard(kb, viewer, opened) : reportNotice(`There is no breach report ${ref}.`));
    }
    const result = await reports.changeStatus(actor, ref, data.status ?? '', data.note ?? '');
    const opened = await reports.open(actor, ref);
    if (!opened) return cardResponse(reportNotice(`There is no breach report ${ref}.`));
    if (!result.ok) return cardResponse(reportCard(kb, viewer, opened, { text: result.error, style: { color: 'Attention' } }));
    const told = result.reporterTold
      ? 'The reporter has been sent the new status and your note.'
      : result.submission.channel === 'teams'
        ? 'The reporter could not be told: they have no personal chat with the bot that it can write to.'
        : `The reporter could not be told: they reported in ${result.submission.channel}, and no message could be sent there.`;
    const text = `${ref} is now ${data.status}. ${told}`;
    return cardResponse(reportCard(kb, viewer, opened, { text, style: { color: result.reporterTold ? 'Good' : 'Warning' } }));
  }
}
