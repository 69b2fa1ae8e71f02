/**
 * Button clicks. The core's action id comes back without the index suffix Slack needed for
 * uniqueness. Results go to the clicker only (they are about one person, and nobody wants a
 * channel filled with other people's quiz results); shareable ones offer "Share in channel".
 * Clicks on the Home tab have no response_url, so the tab is republished with the result on top.
 */
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { Origin } from '../../src/types.ts';
import { APOLOGY, guarded, type HandlerDeps, originOf } from './context.ts';
import { decodeActionId, renderHome, renderReply } from './render.ts';
import { SHARE_ACTION, shareButtons, shareInChannel } from './share.ts';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Where the click happened; Home tab clicks carry their channel in the view's private_metadata. */
function channelOf(body: BlockAction): string {
  const containerChannel = body.container?.channel_id;
  if (typeof containerChannel === 'string') return body.channel?.id ?? containerChannel;
  return body.channel?.id ?? body.view?.private_metadata ?? '';
}

async function onHomeTab(deps: HandlerDeps, args: ButtonArgs, origin: Origin, actionId: string) {
  const result = await deps.bot.handleAction({ ...origin, actionId, value: args.action.value ?? '' });
  const home = await deps.bot.home(origin);
  const view = renderHome(home, origin.channelId, result);
  await args.client.views.publish({ user_id: origin.userId, view });
}

async function onMessage(deps: HandlerDeps, args: ButtonArgs, origin: Origin, actionId: string) {
  const value = args.action.value ?? '';
  const reply = await deps.bot.handleAction({ ...origin, actionId, value });
  const extraButtons = shareButtons(reply, { kind: 'action', actionId, value });
  await args.respond({
    response_type: 'ephemeral',
    replace_original: false,
    ...renderReply(reply, { extraButtons }),
  });
}

function apologize(args: ButtonArgs): Promise<unknown> {
  if (args.body.view?.type === 'home') return Promise.resolve();
  return args.respond({ response_type: 'ephemeral', replace_original: false, text: APOLOGY });
}

function buttonClick(deps: HandlerDeps) {
  return guarded<ButtonArgs>(deps, 'block_actions', apologize, async (args) => {
    await args.ack();
    const { body, action } = args;
    if (action.type !== 'button') return;
    const origin = await originOf(deps, {
      teamId: body.team?.id ?? body.user.team_id,
      channelId: channelOf(body),
      userId: body.user.id,
      nameHint: body.user.name ?? body.user.username,
    });
    const actionId = decodeActionId(action.action_id);
    if (body.view?.type === 'home') return onHomeTab(deps, args, origin, actionId);
    if (actionId === SHARE_ACTION) return shareInChannel(deps, origin, action.value ?? '', args.respond);
    await onMessage(deps, args, origin, actionId);
  });
}

export function registerActions(app: App, deps: HandlerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, buttonClick(deps));
}
