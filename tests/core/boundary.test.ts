import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const COMPOSITION_ROOT = 'src/main.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => relative(ROOT, join(d.parentPath, d.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

function isPlatformImport(file: string, specifier: string): boolean {
  if (specifier.startsWith('@slack/') || specifier === 'discord.js' || specifier.startsWith('discord.js/'))
    return true;
  if (!specifier.startsWith('.')) return false;
  return relative(ROOT, resolve(ROOT, file, '..', specifier)).startsWith('adapters');
}

/**
 * String literals that are a platform's name, or start with it as a key would ('slack',
 * "Discord", `discord:...`). Comments may name platforms (they explain); code may not.
 */
function platformLiterals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return [...code.matchAll(/(['"`])(?:slack|discord)(?:\1|:)/gi)].map((m) => m[0]);
}

describe('dependencies point inward', () => {
  it('no core file except the composition root imports Slack, Discord or an adapter', () => {
    const offenders = sourceFiles('src')
      .filter((file) => file !== COMPOSITION_ROOT)
      .flatMap((file) =>
        importsOf(file)
          .filter((s) => isPlatformImport(file, s))
          .map((s) => `${file} -> ${s}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a platform import', () => {
    expect(isPlatformImport('src/bot.ts', '@slack/bolt')).toBe(true);
    expect(isPlatformImport('src/bot.ts', '../adapters/slack/index.ts')).toBe(true);
    expect(isPlatformImport('src/tips/post.ts', '../../adapters/console/render.ts')).toBe(true);
    expect(isPlatformImport('src/bot.ts', './types.ts')).toBe(false);
  });

  it('no core file except the composition root names a platform in a string', () => {
    const offenders = sourceFiles('src')
      .filter((file) => file !== COMPOSITION_ROOT)
      .flatMap((file) =>
        platformLiterals(readFileSync(join(ROOT, file), 'utf8')).map((l) => `${file}: ${l}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a platform name in a string', () => {
    expect(platformLiterals(`const p = 'slack';`)).toEqual(["'slack'"]);
    expect(platformLiterals('if (platform === "Discord") {}')).toEqual(['"Discord"']);
    expect(platformLiterals('const key = `discord:` + id;')).toEqual(['`discord:']);
    expect(platformLiterals("const x = 'slackline'; // 'slack' in a comment")).toEqual([]);
    expect(platformLiterals("/* the 'discord' adapter */ const y = 1;")).toEqual([]);
  });

  it('only src/config.ts reads the environment', () => {
    const readers = ['src', 'adapters', 'scripts']
      .flatMap(sourceFiles)
      .filter((file) => /process\.env\b/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(readers).toEqual(['src/config.ts']);
  });
});
