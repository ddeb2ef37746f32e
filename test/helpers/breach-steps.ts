/** A breach report typed one message at a time: each message and what the reply to it asks or says. */
export const BREACH_STEPS: { text: string; reply: RegExp }[] = [
  { text: 'report a breach', reply: /Which compact do you think was breached/ },
  { text: 'Hertfordshire', reply: /Which organisation are you reporting from/ },
  { text: 'Friends of the Park', reply: /What is your name/ },
  { text: 'Sam Reporter', reply: /What is your email address/ },
  { text: 'sam@example.org', reply: /Which organisation is the report about/ },
  { text: 'County Council', reply: /Have both organisations signed up/ },
  { text: '1', reply: /Which undertaking was not kept/ },
  { text: '4.4', reply: /What happened/ },
  { text: 'Funding ended at two weeks notice.', reply: /When did it happen/ },
  { text: '2025-01-15', reply: /What has been tried so far/ },
  { text: 'A letter.', reply: /What outcome would you like/ },
  { text: 'Three months of funding.', reply: /May the compact team share this report/ },
  { text: 'yes', reply: /check your answers/ },
  { text: 'submit', reply: /Reference BR-\d{4}-\d{4}/ },
];

/** The reference in the reply to "submit". */
export function referenceIn(reply: string): string {
  const ref = /BR-\d{4}-\d{4}/.exec(reply)?.[0];
  if (!ref) throw new Error(`no reference in: ${reply}`);
  return ref;
}
