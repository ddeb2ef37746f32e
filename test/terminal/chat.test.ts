import { describe, expect, it } from 'vitest';
import { ChatProcess, runCli, tempDataDir } from '../helpers/cli.js';

describe('terminal chat', () => {
  it('answers piped questions one reply per line and stops at end of input', () => {
    const env = { DATA_DIR: tempDataDir() };
    const r = runCli(['chat', '--session', 'piped'], { env, input: 'what notice is required before our funding is cut?\nwhats an LSP\n' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("three months' notice in writing");
    expect(r.stdout).toContain('Hertfordshire Compact 4.4');
    expect(r.stdout).toContain('given by statutory organisations');
    expect(r.stdout).toMatch(/Local Strategic Partnership/);
  });

  it('walks a breach report through wrong answers, a question, back and edit, to a stored reference', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const chat = new ChatProcess(['chat', '--session', 'breach'], env);
    await chat.say('report a breach', /Which compact/);
    await chat.say('herts', /Which organisation are you reporting from/);
    await chat.say('Acme Community Trust', /What is your name/);
    await chat.say('Jo Bloggs', /email address/);
    const wrong = await chat.say('jo at example', /not an email address[\s\S]*email address\?/);
    expect(wrong.text).toContain('(4/12)');
    await chat.say('jo@example.org', /Which organisation is the report about/);
    const mid = await chat.say('what does LSP stand for?', /Back to the form:[\s\S]*Which organisation is the report about/);
    expect(mid.text).toContain('Local Strategic Partnership');
    await chat.say('Example County Council', /signed up/);
    await chat.say('back', /Which organisation is the report about/);
    await chat.say('Example County Council', /signed up/);
    await chat.say('both', /Which undertaking/);
    const offered = await chat.say('notice', /Matches in the Hertfordshire Compact:[\s\S]*Reply with the number/);
    expect(offered.text).toMatch(/4\.4: /);
    await chat.say('4.4', /What happened/);
    await chat.say('Our grant was ended with two weeks’ notice and no reasons.', /When did it happen/);
    await chat.say('31/13/2026', /There is no such date/);
    await chat.say('2099-01-01', /in the future/);
    await chat.say('01/10/2026', /tried so far/);
    await chat.say('We wrote to the commissioner.', /outcome/);
    await chat.say('Three months of funding while we plan.', /May the compact team share/);
    const review = await chat.say('yes', /Please check your answers[\s\S]*Type "submit"/);
    expect(review.text).toContain('Your email: jo@example.org');
    expect(review.text).toContain('hertfordshire.gov.uk');
    const edited = await chat.say('edit email', /email address/);
    expect(edited.text).not.toContain('Please check');
    const again = await chat.say('jo.bloggs@example.org', /Please check your answers[\s\S]*Type "submit"/);
    expect(again.text).toContain('Your email: jo.bloggs@example.org');
    const done = await chat.say('submit', /Reference (BR-\d{4}-\d{4})/);
    expect(await chat.exit()).toBe(0);

    const list = runCli(['reports', 'list'], { env });
    expect(list.stdout).toContain(done.match[1]);
    expect(list.stdout).toContain('Example County Council');
    const show = runCli(['reports', 'show', done.match[1]!], { env });
    expect(JSON.parse(show.stdout).data).toMatchObject({
      reporterEmail: 'jo.bloggs@example.org',
      undertakings: ['4.4'],
      when: '2026-10-01',
      consent: true,
    });
  });

  it('cancels a sign-up mid-flow and stores nothing', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const chat = new ChatProcess(['chat', '--session', 'cancel'], env);
    await chat.say('use dacorum', /Dacorum/);
    await chat.say('sign up', /name of the organisation/);
    await chat.say('Hemel Helpers', /statutory body, or a voluntary/);
    await chat.say('cancel', /Cancelled\. Nothing from this sign-up was stored/);
    const after = await chat.say('what is the third sector?', /Third Sector/);
    expect(after.text).not.toContain('(3/');
    await chat.exit();
    expect(runCli(['signups', 'list'], { env }).stdout).toContain('No signups yet.');
  });

  it('completes a sign-up, showing the undertakings for the sector and refusing a sign-up without agreement', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const chat = new ChatProcess(['chat', '--session', 'signup'], env);
    await chat.say('use halton', /Halton/);
    await chat.say('how do we sign up?', /Sign an organisation up[\s\S]*Compact: Halton Local Compact[\s\S]*name of the organisation/);
    await chat.say('Runcorn Youth Forum', /statutory body/);
    await chat.say('2', /charity number/);
    await chat.say('12', /neither a charity number/);
    await chat.say('1123456', /contact for the compact/);
    await chat.say('Sam Patel', /role/);
    await chat.say('Chair', /email/);
    await chat.say('sam@example.org', /phone/);
    const agree = await chat.say('skip', /agree to adopt/);
    expect(agree.text).toMatch(/8\.2-\w/);
    await chat.say('no', /can only record a sign-up with agreement/);
    await chat.say('yes', /Please check your answers/);
    const done = await chat.say('submit', /Reference (SU-\d{4}-\d{4})/);
    await chat.exit();
    const show = JSON.parse(runCli(['signups', 'show', done.match[1]!], { env }).stdout);
    expect(show.data).toMatchObject({ compact: 'halton', sector: 'vcs', registration: 'charity 1123456', agree: true });
    expect(show.data.phone).toBeUndefined();
  });
});

describe('durability', () => {
  it('keeps a confirmed report when the process is killed right after the confirmation', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const chat = new ChatProcess(['chat', '--session', 'kill'], env);
    await chat.say('report a breach of the hertfordshire compact', /reporting from/);
    for (const [line, next] of [
      ['Acme', /your name/],
      ['Jo', /email/],
      ['jo@example.org', /about\?/],
      ['Council', /signed up/],
      ['not sure', /undertaking/],
      ['not sure', /What happened/],
      ['Late notice.', /When/],
      ['today', /tried/],
      ['nothing yet', /outcome/],
      ['an apology', /share/],
      ['no', /Please check/],
    ] as const) {
      await chat.say(line, next);
    }
    const done = await chat.say('submit', /Reference (BR-\d{4}-\d{4})/);
    await chat.exit('SIGKILL');
    expect(runCli(['reports', 'list'], { env }).stdout).toContain(done.match[1]);
  });

  it('resumes a flow in progress after the process is killed', async () => {
    const env = { DATA_DIR: tempDataDir() };
    const first = new ChatProcess(['chat', '--session', 'resume'], env);
    await first.say('I want to sign up', /Which compact/);
    await first.say('dacorum', /name of the organisation/);
    await first.exit('SIGKILL');
    const second = new ChatProcess(['chat', '--session', 'resume'], env);
    await second.say('Berkhamsted Lunch Club', /statutory body, or a voluntary/);
    await second.exit();
  });
});
