import { describe, expect, it } from 'vitest';
import {
  ADMIN_COMMAND,
  callOf,
  commandDefinitions,
  commandOf,
  SKILLS_COMMAND,
} from '../../adapters/discord/commands.ts';
import { ButtonIds, CUSTOM_ID_MAX } from '../../adapters/discord/custom-id.ts';
import { CUT_POINTER, LIMITS, renderReply } from '../../adapters/discord/render.ts';
import { servedCommands } from '../../src/commands/catalog.ts';
import type { Reply } from '../../src/types.ts';

const sentence = (n: number) => `Sentence number ${n} explains one more detail about indexes. `;
const long = (sentences: number) => Array.from({ length: sentences }, (_, i) => sentence(i)).join('');

function embedLength(embed: {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}) {
  const fields = (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields;
}

describe('rendering a reply for Discord', () => {
  it('puts title, text and bullets in one embed and buttons in rows', () => {
    const reply: Reply = {
      title: 'Databases',
      text: 'Store data **safely**.',
      bullets: ['SQL', 'NoSQL'],
      fields: [{ label: 'Level', value: 'junior' }],
      buttons: [{ label: 'Quiz', actionId: 'skillbot.quiz', value: 't@2026-03-04#0', style: 'primary' }],
      visibility: 'public',
    };
    const { embeds, components } = renderReply(reply, new ButtonIds());
    expect(embeds[0]).toMatchObject({
      title: 'Databases',
      description: 'Store data **safely**.\n\n- SQL\n- NoSQL',
      fields: [{ name: 'Level', value: 'junior', inline: true }],
    });
    expect(components).toEqual([
      {
        type: 1,
        components: [{ type: 2, style: 1, label: 'Quiz', custom_id: 'skillbot.quiz|t@2026-03-04#0' }],
      },
    ]);
  });

  it('stays within every Discord limit for an oversized reply, cutting text at a sentence', () => {
    const reply: Reply = {
      title: 'T'.repeat(400),
      text: long(200),
      bullets: Array.from({ length: 40 }, (_, i) => `bullet ${i} ${'x'.repeat(50)}`),
      fields: Array.from({ length: 40 }, (_, i) => ({ label: `F${i} ${'n'.repeat(300)}`, value: long(30) })),
      buttons: Array.from({ length: 40 }, (_, i) => ({
        label: `Option ${i} ${'l'.repeat(100)}`,
        actionId: 'skillbot.entry',
        value: `entry-${i}-${'v'.repeat(120)}`,
      })),
      visibility: 'public',
    };
    const { embeds, components } = renderReply(reply, new ButtonIds());
    const embed = embeds[0] ?? {};
    expect(embed.title?.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description?.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.description).toContain(CUT_POINTER);
    expect(embed.description?.split(CUT_POINTER)[0]?.trimEnd()).toMatch(/\.$/);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(components.length).toBeLessThanOrEqual(LIMITS.rows);
    for (const row of components) {
      expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
      for (const button of row.components) {
        expect(button.label?.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
        expect(button.custom_id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
      }
    }
  });

  it('never renders an empty embed', () => {
    const { embeds } = renderReply({ text: '', visibility: 'public' }, new ButtonIds());
    expect(embeds[0]?.description).toBeTruthy();
  });
});

describe('button custom ids', () => {
  it('round-trips action ids and values, keeping a short key for long ones', () => {
    const ids = new ButtonIds();
    for (const [actionId, value] of [
      ['skillbot.checkin', ''],
      ['skillbot.quiz', 'tip-id@2026-03-04#3'],
      ['skillbot.entry', 'x|y|z'],
      ['skillbot.entry', 'v'.repeat(300)],
    ] as const) {
      const customId = ids.encode(actionId, value);
      expect(customId.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
      expect(ids.decode(customId)).toEqual({ actionId, value });
    }
    expect(ids.decode('garbage')).toBeUndefined();
  });
});

describe('slash command definitions', () => {
  const commands = servedCommands();
  const [skills, admin] = commandDefinitions(commands);

  it('offers /skills with every member subcommand, and the settings under a Manage Server command', () => {
    expect(skills?.name).toBe(SKILLS_COMMAND);
    expect(skills?.options?.map((o) => o.name)).toEqual([
      'ask',
      'skill',
      'list',
      'done',
      'streak',
      'top',
      'timezone',
      'tip',
      'mydata',
      'forget',
      'help',
    ]);
    expect(skills?.default_member_permissions ?? null).toBeNull();
    expect(admin?.name).toBe(ADMIN_COMMAND);
    expect(admin?.options?.map((o) => o.name)).toEqual(['settings', 'schedule', 'forget-member']);
    expect(admin?.default_member_permissions).toBe(String(1n << 5n));
  });

  it('maps each invocation to a structured call, options by name', () => {
    const invoke = (command: string, subcommand: string, options: Record<string, string> = {}) => {
      const invocation = { command, subcommand, option: (name: string) => options[name] ?? null };
      const found = commandOf(commands, invocation);
      return found && callOf(found, invocation);
    };
    expect(invoke('skills', 'ask', { question: 'what is docker?' })).toEqual({
      name: 'ask',
      args: { question: 'what is docker?' },
    });
    expect(invoke('skills', 'streak')).toEqual({ name: 'streak', args: {} });
    expect(invoke('skills', 'timezone')).toEqual({ name: 'timezone', args: { zone: undefined } });
    expect(
      invoke('skills-admin', 'schedule', { time: '09:30', timezone: 'Europe/Berlin', days: 'daily' }),
    ).toEqual({ name: 'schedule', args: { time: '09:30', timezone: 'Europe/Berlin', days: 'daily' } });
    expect(invoke('skills-admin', 'settings', { days: 'daily' })?.args).toMatchObject({ days: 'daily' });
    expect(invoke('skills', 'schedule')).toBeUndefined();
    expect(invoke('skills', 'constructor')).toBeUndefined();
    expect(invoke('other', 'ask')).toBeUndefined();
  });
});
