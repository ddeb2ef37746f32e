import type { FlowDef } from './types.js';

export const signupFlow: FlowDef = {
  id: 'signup',
  title: 'Sign an organisation up to a compact',
  intro:
    'I will take the details needed to sign your organisation up. ' +
    'Type "back" to change the last answer, "help" at any question, or "cancel" to stop; nothing is stored until you submit.',
  routeAtReview: 'signup',
  confirmation: 'Your sign-up is recorded. What the compact says about signing up:',
  fields: [
    {
      id: 'compact',
      label: 'Compact',
      type: 'compact',
      prompt: 'Which compact is the organisation signing up to?',
      help: 'Choose one of the local compacts by name or number.',
    },
    {
      id: 'organisation',
      label: 'Organisation name',
      type: 'text',
      maxLength: 200,
      prompt: 'What is the name of the organisation?',
      help: 'The organisation’s full name, as it is registered.',
    },
    {
      id: 'sector',
      label: 'Sector',
      type: 'choice',
      prompt: 'Is it a statutory body, or a voluntary and community organisation?',
      help:
        'Statutory bodies include councils, NHS bodies and the police. ' +
        'Charities, community groups and social enterprises are voluntary and community organisations.',
      choices: [
        { value: 'statutory', label: 'Statutory body' },
        { value: 'vcs', label: 'Voluntary and community organisation' },
      ],
    },
    {
      id: 'registration',
      label: 'Charity or company number',
      type: 'registration-number',
      optional: true,
      placeholder: '1234567 or 01234567',
      prompt: 'What is its registered charity number or company number? (Type "skip" if it has neither.)',
      help:
        'A charity number in England and Wales has 6 or 7 digits (sometimes with a suffix such as -1); ' +
        'a company number has 8 characters, such as 01234567 or SC123456.',
    },
    {
      id: 'contactName',
      label: 'Contact name',
      type: 'text',
      maxLength: 120,
      prompt: 'Who is the contact for the compact at the organisation? (Their full name.)',
      help: 'The person the compact team should write to.',
    },
    {
      id: 'contactRole',
      label: 'Contact role',
      type: 'text',
      maxLength: 120,
      prompt: 'What is their role?',
      help: 'For example Chief Executive, Partnerships Manager or Chair of Trustees.',
    },
    {
      id: 'email',
      label: 'Contact email',
      type: 'email',
      maxLength: 254,
      placeholder: 'name@example.org',
      prompt: 'What is their email address?',
      help: 'An address such as name@example.org.',
    },
    {
      id: 'phone',
      label: 'Contact phone',
      type: 'phone',
      optional: true,
      placeholder: '01234 567890',
      prompt: 'And a phone number? (Type "skip" to leave it out.)',
      help: 'A UK number such as 01234 567890 or +44 1234 567890.',
    },
    {
      id: 'agree',
      label: 'Agrees to adopt the undertakings',
      type: 'agree',
      show: 'sector-undertakings',
      // Agreement is to one compact's undertakings for one sector: a change to either asks for it again.
      dependsOn: ['compact', 'sector'],
      prompt: 'Does the organisation agree to adopt the compact and its undertakings? (yes / no)',
      help:
        'Signing up means adopting the compact’s undertakings. ' +
        'Ask for any undertaking by number (for example "4.4") to read it in full before you answer.',
    },
  ],
};
