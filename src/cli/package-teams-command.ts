import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { teamsAppPackage } from './teams-app-package.js';

const USAGE = 'usage: compact-bot package-teams [--out dist/compact-bot-teams.zip]\n';

/** `compact-bot package-teams`: the Teams app package, with the bot id from MICROSOFT_APP_ID. */
export async function packageTeamsCommand(args: string[]): Promise<number> {
  let out = join('dist', 'compact-bot-teams.zip');
  if (args.length === 2 && args[0] === '--out' && args[1]) out = args[1];
  else if (args.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const zip = teamsAppPackage(process.env.MICROSOFT_APP_ID);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(
    `Wrote ${out} (manifest.json, color.png, outline.png). Upload it in Teams: Apps › Manage your apps › Upload an app.\n`,
  );
  return 0;
}
