import * as AC from 'adaptivecards';

/**
 * What Microsoft's own Adaptive Cards library, reading at schema version 1.5, finds wrong with a card: unknown
 * elements or properties it would drop, and failed validation (missing ids, duplicate input ids, bad values).
 */
export function cardProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card as object, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) problems.push(e.message);
  return problems;
}
