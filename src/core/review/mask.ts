import { createHash, randomBytes } from 'node:crypto';

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[A-Za-z]{2,}/g;
// A run of digits with the usual separators; it is a phone number when it holds 9 to 15 digits.
const DIGIT_RUN = /\+?\(?\d[\d\s().\-/]*\d/g;

const EMAIL_MASK = '[email]';
const PHONE_MASK = '[phone]';

/** Text with anything that looks like an email address or a phone number replaced, before it is stored. */
export function maskPersonal(text: string): string {
  return text.replace(EMAIL, EMAIL_MASK).replace(DIGIT_RUN, (run) => {
    const digits = run.replace(/\D/g, '').length;
    return digits >= 9 && digits <= 15 ? PHONE_MASK : run;
  });
}

/** A salted hash of who asked: the same person gives the same value, which says nothing about who they are. */
export function askerHash(salt: string, channel: string, userId: string): string {
  return createHash('sha256').update(`${salt}\n${channel}\n${userId}`).digest('hex').slice(0, 24);
}

export function newSalt(): string {
  return randomBytes(24).toString('base64url');
}

/** A short id for a question in review, typed on the command line. */
export function newReviewId(): string {
  return `q${randomBytes(5).toString('hex')}`;
}
