/**
 * Gateway and REST payloads shaped like Discord's (API v10), as small as discord.js accepts.
 * Ids are snowflakes (17–19 digits): discord.js's REST buckets and caches expect them.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh snowflake: timestamp bits from `at` (default now), a counter in the low bits. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  bot?: boolean;
}

export function userPayload(user: FakeUser) {
  return {
    id: user.id,
    username: user.username,
    global_name: user.global_name,
    discriminator: '0',
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
  };
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  channelId: string;
  /** A second text channel, for posts to several channels. */
  otherChannelId: string;
  adminRoleId: string;
}

export const MANAGE_GUILD = 1n << 5n;
const EVERYDAY_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n);

export function guildCreatePayload(guild: FakeGuild) {
  return {
    id: guild.id,
    name: guild.name,
    owner_id: guild.ownerId,
    unavailable: false,
    large: false,
    member_count: 3,
    joined_at: new Date().toISOString(),
    features: [],
    emojis: [],
    stickers: [],
    members: [],
    presences: [],
    voice_states: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    roles: [
      rolePayload(guild.id, '@everyone', EVERYDAY_PERMISSIONS, 0),
      rolePayload(guild.adminRoleId, 'Admins', EVERYDAY_PERMISSIONS | MANAGE_GUILD, 1),
    ],
    channels: [textChannelPayload(guild.channelId), textChannelPayload(guild.otherChannelId)],
  };
}

function rolePayload(id: string, name: string, permissions: bigint, position: number) {
  return {
    id,
    name,
    permissions: permissions.toString(),
    position,
    color: 0,
    hoist: false,
    managed: false,
    mentionable: true,
    flags: 0,
  };
}

export function textChannelPayload(id: string, guildId?: string) {
  return {
    id,
    type: 0,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    ...(guildId ? { guild_id: guildId } : {}),
  };
}

export function dmChannelPayload(id: string, recipient: FakeUser) {
  return { id, type: 1, recipients: [userPayload(recipient)], last_message_id: null };
}

export function memberPayload(roles: string[], user?: FakeUser) {
  return {
    roles,
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    ...(user ? { user: userPayload(user) } : {}),
  };
}

export interface MessageInput {
  id: string;
  channelId: string;
  guildId?: string;
  author: FakeUser;
  content: string;
  roles?: string[];
  mentions?: FakeUser[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  embeds?: unknown[];
  components?: unknown[];
  nonce?: string;
  /** ISO time the message was created; default now. */
  timestamp?: string;
  /** Sent with gateway MESSAGE_CREATE; discord.js needs it to build a DM channel it has not cached. */
  channelType?: number;
}

export function messagePayload(input: MessageInput) {
  return {
    id: input.id,
    type: 0,
    channel_id: input.channelId,
    ...(input.guildId ? { guild_id: input.guildId, member: memberPayload(input.roles ?? []) } : {}),
    author: userPayload(input.author),
    content: input.content,
    timestamp: input.timestamp ?? new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: input.mentionEveryone ?? false,
    mentions: (input.mentions ?? []).map(userPayload),
    mention_roles: input.mentionRoles ?? [],
    attachments: [],
    embeds: input.embeds ?? [],
    components: input.components ?? [],
    pinned: false,
    flags: 0,
    ...(input.nonce ? { nonce: input.nonce } : {}),
    ...(input.channelType === undefined ? {} : { channel_type: input.channelType }),
  };
}

export interface InteractionInput {
  id: string;
  token: string;
  applicationId: string;
  type: 2 | 3 | 4;
  user: FakeUser;
  data: Record<string, unknown>;
  guildId?: string;
  channelId: string;
  /** Computed member permissions (Discord sends them with every guild interaction). */
  permissions?: bigint;
  message?: unknown;
}

export function interactionPayload(input: InteractionInput) {
  const where = input.guildId
    ? {
        guild_id: input.guildId,
        member: { ...memberPayload([], input.user), permissions: (input.permissions ?? 0n).toString() },
        channel: textChannelPayload(input.channelId, input.guildId),
        guild_locale: 'en-US',
        context: 0,
      }
    : { user: userPayload(input.user), channel: { id: input.channelId, type: 1 }, context: 1 };
  return {
    id: input.id,
    application_id: input.applicationId,
    type: input.type,
    token: input.token,
    version: 1,
    channel_id: input.channelId,
    locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: {},
    data: input.data,
    ...(input.message ? { message: input.message } : {}),
    ...where,
  };
}
