// The benchmark's fake Slack in a process of its own, so it takes no CPU from the load generator's event loop.
import { BenchFakeSlack } from './fake-slack.js';

const fake = await new BenchFakeSlack().start();
process.on('message', (m: { op: 'counts' | 'reset' | 'close' }) => {
  if (m.op === 'counts') process.send!({ counts: fake.counts() });
  if (m.op === 'reset') {
    fake.reset();
    process.send!({ reset: true });
  }
  if (m.op === 'close') void fake.close().then(() => process.exit(0));
});
process.send!({ port: fake.port });
