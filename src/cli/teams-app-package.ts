import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, PACKAGE_ROOT } from '../config.js';
import { zip } from './zip.js';

export const MANIFEST_DIR = join(PACKAGE_ROOT, 'manifest', 'teams');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The manifest with the bot's app id put in place of every ${{MICROSOFT_APP_ID}}. */
function filledManifest(appId: string | undefined, dir = MANIFEST_DIR): string {
  const id = appId?.trim();
  if (!id) {
    throw new ConfigError(
      'MICROSOFT_APP_ID is not set: the Teams app package needs the bot’s Microsoft app id (the Azure Bot’s "Microsoft App ID").',
    );
  }
  if (!GUID.test(id))
    throw new ConfigError(
      'MICROSOFT_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000 (the Azure Bot’s "Microsoft App ID").',
    );
  const text = readFileSync(join(dir, 'manifest.json'), 'utf8').replaceAll('${{MICROSOFT_APP_ID}}', id.toLowerCase());
  const left = /\$\{\{(\w+)\}\}/.exec(text);
  if (left) throw new ConfigError(`manifest/teams/manifest.json has a placeholder package-teams does not fill: ${left[0]}`);
  try {
    JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`manifest/teams/manifest.json is not valid JSON: ${(error as Error).message}`);
  }
  return text;
}

/** The zip Teams takes as an app: manifest.json, color.png and outline.png at its root. */
export function teamsAppPackage(appId: string | undefined, dir = MANIFEST_DIR): Buffer {
  const manifest = filledManifest(appId, dir);
  return zip([
    { name: 'manifest.json', data: Buffer.from(manifest, 'utf8') },
    { name: 'color.png', data: readFileSync(join(dir, 'color.png')) },
    { name: 'outline.png', data: readFileSync(join(dir, 'outline.png')) },
  ]);
}
