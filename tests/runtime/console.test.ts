import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runWithInput, tempDataFile } from '../support/process.ts';

describe('npm start with no credentials: the local console', () => {
  it('answers piped lines in order and exits 0 at the end of input', async () => {
    const result = await runWithInput('help\nwhat is git for\nwhat is the wifi password\n', {
      DATA_FILE: tempDataFile(),
    });
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('skillbot local console');
    // Piped output is plain text: the help's Markdown code spans are rendered without backticks.
    expect(out).toContain('skill <name>: one skill in depth');
    expect(out).not.toContain('`skill <name>`');
    const help = out.indexOf('skill <name>: one skill in depth');
    const git = out.indexOf('Version control');
    const wifi = out.indexOf('wifi password');
    expect(help).toBeGreaterThan(-1);
    expect(git).toBeGreaterThan(help);
    expect(wifi).toBeGreaterThan(git);
    expect(out.slice(wifi - 200)).toMatch(/outside what I know|don't know|do not know/i);
  });

  it('acts as another user with --user and keeps the streak in the data file', async () => {
    const dataFile = tempDataFile();
    const result = await runWithInput('done\ndone\nstreak\n', { DATA_FILE: dataFile }, ['--user', 'grace']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/already/i);
    const data = JSON.parse(readFileSync(dataFile, 'utf8'));
    const users = Object.values(data.users) as Array<{ userId: string; checkins: string[] }>;
    expect(users).toHaveLength(1);
    expect(users[0]?.userId).toBe('grace');
    expect(users[0]?.checkins).toHaveLength(1);
  });

  it('refuses a corrupt data file with a clear message and leaves its bytes alone', async () => {
    const dataFile = tempDataFile();
    const bytes = '{"version":1,"users":{"a":';
    await runWithInput('', { DATA_FILE: dataFile }); // creates the folder
    writeFileSync(dataFile, bytes);
    const result = await runWithInput('done\n', { DATA_FILE: dataFile });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(dataFile);
    expect(readFileSync(dataFile, 'utf8')).toBe(bytes);
  });

  it('refuses a bad environment variable, naming it, before doing anything', async () => {
    const result = await runWithInput('help\n', {
      DATA_FILE: tempDataFile(),
      DEFAULT_TIMEZONE: 'Mars/Olympus',
    });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('DEFAULT_TIMEZONE');
    expect(result.stdout).not.toContain('skillbot local console');
  });
});
