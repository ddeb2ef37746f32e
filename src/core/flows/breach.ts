import type { FlowDef } from './types.js';

export const breachFlow: FlowDef = {
  id: 'breach',
  title: 'Report a suspected breach of a compact',
  intro: 'I will take the details of the suspected breach. Type "back" to change the last answer, "help" at any question, or "cancel" to stop; nothing is stored until you submit.',
  refPrefix: 'BR',
  routeAtReview: 'dispute',
  confirmation: 'Your report is recorded. What the compact says about disputes and breaches:',
  fields: [
    { id: 'compact', label: 'Compact', type: 'compact', prompt: 'Which compact do you think was breached?', help: 'Choose one of the local compacts by name or number.' },
    { id: 'reporterOrg', label: 'Your organisation', type: 'text', maxLength: 200, prompt: 'Which organisation are you reporting from?', help: 'Your organisation’s name.' },
    { id: 'reporterName', label: 'Your name', type: 'text', maxLength: 120, prompt: 'What is your name?', help: 'So the compact team can reply to you.' },
    { id: 'reporterEmail', label: 'Your email', type: 'email', maxLength: 254, placeholder: 'name@example.org', prompt: 'What is your email address?', help: 'An address such as name@example.org.' },
    { id: 'aboutOrg', label: 'Organisation concerned', type: 'text', maxLength: 200, prompt: 'Which organisation is the report about?', help: 'The organisation you think did not keep the compact.' },
    {
      id: 'signatories',
      label: 'Signatories',
      type: 'choice',
      prompt: 'Have both organisations signed up to the compact?',
      help: 'The compacts’ dispute routes are for organisations that have signed up; say "not sure" if you do not know.',
      choices: [
        { value: 'both', label: 'Both have signed' },
        { value: 'reporter-only', label: 'Only mine' },
        { value: 'other-only', label: 'Only theirs' },
        { value: 'neither', label: 'Neither' },
        { value: 'not-sure', label: 'Not sure' },
      ],
    },
    {
      id: 'undertakings',
      label: 'Undertakings not kept',
      type: 'undertakings',
      dependsOn: ['compact'],
      placeholder: '4.4, 4.1 or "not sure"',
      prompt: 'Which undertaking was not kept?',
      help:
        'Type the numbers shown beside the undertakings, separated by commas; or a few words (for example "notice") ' +
        'and I show the ones that match, with numbers to type; or say "not sure".',
    },
    { id: 'what', label: 'What happened', type: 'longtext', maxLength: 2000, prompt: 'What happened? (Up to 2,000 characters.)', help: 'Describe the facts: what was done or not done, and the effect.' },
    { id: 'when', label: 'When', type: 'date', placeholder: '2026-10-31', prompt: 'When did it happen? (A date such as 31/10/2026 or 2026-10-31.)', help: 'The date, or the first date if it went on for a while. It cannot be in the future.' },
    { id: 'tried', label: 'Tried so far', type: 'longtext', maxLength: 1000, prompt: 'What has been tried so far to resolve it?', help: 'For example a conversation or a letter to the organisation. Say "nothing yet" if nothing has.' },
    { id: 'outcome', label: 'Outcome wanted', type: 'longtext', maxLength: 1000, prompt: 'What outcome would you like?', help: 'What would put it right for you.' },
    {
      id: 'consent',
      label: 'Consent to share with the organisation',
      type: 'yes-no',
      prompt: 'May the compact team share this report with the organisation concerned? (yes / no)',
      help: 'If you say no, the team will keep the report to themselves and contact you first.',
    },
  ],
};
