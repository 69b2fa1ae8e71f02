/**
 * Slack events to the core and back: the slash command, mentions, direct messages and the
 * App Home tab. Buttons are in actions.ts. Bolt acknowledges events before the listeners run;
 * the slash command's answer travels in its acknowledgement. Answers go where the question was
 * asked; nothing a listener throws escapes (see `guarded`).
 */
import type {
  AllMiddlewareArgs,
  App,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from '@slack/bolt';
import { registerActions } from './actions.ts';
import { APOLOGY, guarded, type HandlerDeps, originOf } from './context.ts';
import { fromSlackText, withoutBotMention } from './incoming.ts';
import { renderHome, renderReply } from './render.ts';
import { shareButtons } from './share.ts';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;
type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;
type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** Slack redelivers an event (X-Slack-Retry-Num, Socket Mode retry_attempt) with the same event_id. */
function dropRedeliveries(deps: HandlerDeps) {
  return async ({ body, next }: AllMiddlewareArgs & { body: unknown }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !deps.seen.firstTime(`event:${eventId}`)) {
      deps.log.debug({ eventId }, 'dropped a redelivered Slack event');
      return;
    }
    await next();
  };
}

/** Slack waits three seconds for the ack; an answer ready well before that travels inside it. */
export const ACK_BUDGET_MS = 2000;

function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function answerCommand(deps: HandlerDeps, command: CommandArgs['command']) {
  const origin = await originOf(deps, {
    teamId: command.team_id,
    channelId: command.channel_id,
    userId: command.user_id,
    nameHint: command.user_name,
  });
  const text = fromSlackText(command.text ?? '');
  const reply = await deps.bot.handleMessage({ ...origin, text });
  const extraButtons = shareButtons(reply, { kind: 'message', text });
  return { response_type: 'ephemeral' as const, ...renderReply(reply, { extraButtons }) };
}

/**
 * The answer goes back as the ack itself: one round trip instead of two, and no second HTTP
 * call from the bot. Only an answer slower than the budget is acked empty and sent through the
 * response_url afterwards. Slash-command answers are private; "Share in channel" makes them public.
 */
function slashCommand(deps: HandlerDeps) {
  return async ({ command, ack, respond }: CommandArgs): Promise<void> => {
    const answer = answerCommand(deps, command).catch((error: unknown) => {
      deps.log.error({ err: error, what: 'command' }, 'slack handler failed');
      return { response_type: 'ephemeral' as const, text: APOLOGY };
    });
    const early = await within(answer, ACK_BUDGET_MS);
    if (early) return ack(early);
    await ack();
    await respond(await answer).catch((error: unknown) => {
      deps.log.warn({ err: error }, 'could not deliver a late slash-command answer');
    });
  };
}

interface ChannelMessage {
  channel: string;
  user: string;
  ts: string;
  thread_ts?: string;
  text: string;
  teamId: string | undefined;
}

/** A mention or DM: answered in its thread (or the DM); private answers go to the asker only. */
async function answerMessage(deps: HandlerDeps, args: AllMiddlewareArgs, msg: ChannelMessage, isDm: boolean) {
  // One message can arrive both as `message` and as `app_mention`: answer it once.
  if (!deps.seen.firstTime(`message:${msg.channel}:${msg.ts}`)) return;
  const origin = await originOf(deps, { teamId: msg.teamId, channelId: msg.channel, userId: msg.user });
  const text = fromSlackText(withoutBotMention(msg.text, deps.identity.botUserId));
  const reply = await deps.bot.handleMessage({ ...origin, text });
  const threadTs = isDm ? msg.thread_ts : (msg.thread_ts ?? msg.ts);
  const thread = threadTs ? { thread_ts: threadTs } : {};
  if (reply.visibility === 'private' && !isDm) {
    const extraButtons = shareButtons(reply, { kind: 'message', text });
    const message = renderReply(reply, { extraButtons });
    await args.client.chat.postEphemeral({ channel: msg.channel, user: msg.user, ...thread, ...message });
    return;
  }
  const message = renderReply(reply);
  await args.client.chat.postMessage({ channel: msg.channel, ...thread, ...message, unfurl_links: false });
}

function apologizeIn(channel: string, user: string, args: AllMiddlewareArgs) {
  return args.client.chat.postEphemeral({ channel, user, text: APOLOGY });
}

function mention(deps: HandlerDeps) {
  return guarded<MentionArgs>(
    deps,
    'app_mention',
    (args) => apologizeIn(args.event.channel, args.event.user ?? '', args),
    async (args) => {
      const { event, body } = args;
      if (!event.user || event.bot_id) return;
      const msg = { ...event, user: event.user, teamId: body.team_id };
      await answerMessage(deps, args, msg, event.channel.startsWith('D'));
    },
  );
}

function directMessage(deps: HandlerDeps) {
  return guarded<MessageArgs>(
    deps,
    'message.im',
    (args) => args.client.chat.postMessage({ channel: args.event.channel, text: APOLOGY }),
    async (args) => {
      const { event, body } = args;
      // Edits, joins, bot posts (our own included) and other subtypes are not questions.
      if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
      if (!event.user || typeof event.text !== 'string') return;
      const msg = { ...event, user: event.user, text: event.text, teamId: body.team_id };
      await answerMessage(deps, args, msg, true);
    },
  );
}

function homeOpened(deps: HandlerDeps) {
  return guarded<HomeArgs>(
    deps,
    'app_home_opened',
    async () => {},
    async ({ event, body, client }) => {
      if (event.tab !== 'home') return;
      const origin = await originOf(deps, {
        teamId: body.team_id,
        channelId: event.channel,
        userId: event.user,
      });
      const home = await deps.bot.home(origin);
      await client.views.publish({ user_id: event.user, view: renderHome(home, event.channel) });
    },
  );
}

export function registerListeners(app: App, deps: HandlerDeps): void {
  app.use(dropRedeliveries(deps));
  app.command(deps.command, slashCommand(deps));
  app.event('app_mention', mention(deps));
  app.message(directMessage(deps));
  app.event('app_home_opened', homeOpened(deps));
  registerActions(app, deps);
  // Last resort for anything Bolt itself throws; listeners already catch their own errors.
  app.error(async (error) => {
    deps.log.error({ err: error }, 'slack event failed');
  });
}
