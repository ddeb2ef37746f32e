import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { packageTeamsCommand } from '../../src/cli/package-teams-command.js';
import { MANIFEST_DIR } from '../../src/cli/teams-app-package.js';
import { ConfigError } from '../../src/config.js';
import { readZip } from './zip-reader.js';

const APP_ID = '6a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/** Width, height and the decoded RGBA pixels of a PNG (8-bit RGBA, unfiltered or filter 0 rows). */
function readPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return { width, height, colourType: png[25], rows: inflateSync(Buffer.concat(idat)) };
}

const manifestFile = () => JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8'));

describe('Teams app manifest and icons', () => {
  it('is a v1.17+ manifest with every required field and a bot in personal, team and group chat scopes', () => {
    const m = manifestFile();
    expect(m.$schema).toMatch(
      /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.(1[7-9]|[2-9]\d)\/MicrosoftTeams\.schema\.json$/,
    );
    expect(m.$schema).toContain(`v${m.manifestVersion}/`);
    expect(m.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(m.id).toBe('${{MICROSOFT_APP_ID}}');
    expect(m.developer).toEqual({
      name: expect.any(String),
      websiteUrl: expect.stringMatching(/^https:/),
      privacyUrl: expect.stringMatching(/^https:/),
      termsOfUseUrl: expect.stringMatching(/^https:/),
    });
    expect(m.name.short.length).toBeLessThanOrEqual(30);
    expect(m.description.short.length).toBeLessThanOrEqual(80);
    expect(m.description.full.length).toBeLessThanOrEqual(4000);
    expect(m.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(m.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(m.validDomains).toEqual(expect.any(Array));
    const [bot] = m.bots;
    expect(bot.botId).toBe('${{MICROSOFT_APP_ID}}');
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.commandLists.map((l: { scopes: string[] }) => l.scopes)).toEqual([['personal'], ['team', 'groupChat']]);
    for (const list of bot.commandLists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        expect(c.description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent', () => {
    const color = readFileSync(join(MANIFEST_DIR, 'color.png'));
    const outline = readFileSync(join(MANIFEST_DIR, 'outline.png'));
    expect(readPng(color)).toMatchObject({ width: 192, height: 192, colourType: 6 });
    const o = readPng(outline);
    expect(o).toMatchObject({ width: 32, height: 32, colourType: 6 });
    let opaque = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const i = y * (32 * 4 + 1) + 1 + x * 4;
        const [r, g, b, a] = o.rows.subarray(i, i + 4);
        if (a! > 0) {
          opaque++;
          expect([r, g, b]).toEqual([255, 255, 255]);
        }
      }
    }
    expect(opaque).toBeGreaterThan(50);
    expect(opaque).toBeLessThan(32 * 32 - 200);
  });
});

describe('compact-bot package-teams', () => {
  const saved = process.env.MICROSOFT_APP_ID;
  afterEach(() => {
    if (saved === undefined) delete process.env.MICROSOFT_APP_ID;
    else process.env.MICROSOFT_APP_ID = saved;
  });

  it('writes a zip of manifest.json, color.png and outline.png with the bot id filled in', async () => {
    process.env.MICROSOFT_APP_ID = APP_ID.toUpperCase();
    const out = join(mkdtempSync(join(tmpdir(), 'compact-bot-teams-')), 'dist', 'compact-bot-teams.zip');
    expect(await packageTeamsCommand(['--out', out])).toBe(0);
    // A standard reader tests every entry's CRC and says "No errors detected".
    expect(execFileSync('unzip', ['-t', out], { encoding: 'utf8' })).toMatch(/No errors detected in compressed data/);
    const files = readZip(readFileSync(out));
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(files.get('manifest.json')!.toString('utf8')).not.toContain('${{');
    expect(files.get('color.png')!.equals(readFileSync(join(MANIFEST_DIR, 'color.png')))).toBe(true);
    expect(files.get('outline.png')!.equals(readFileSync(join(MANIFEST_DIR, 'outline.png')))).toBe(true);
  });

  it('names MICROSOFT_APP_ID when it is missing or not a GUID', async () => {
    delete process.env.MICROSOFT_APP_ID;
    await expect(packageTeamsCommand([])).rejects.toThrow(ConfigError);
    await expect(packageTeamsCommand([])).rejects.toThrow(/MICROSOFT_APP_ID is not set/);
    process.env.MICROSOFT_APP_ID = 'my-bot';
    await expect(packageTeamsCommand([])).rejects.toThrow(/MICROSOFT_APP_ID must be a GUID/);
  });
});
