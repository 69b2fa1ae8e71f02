/**
 * Is a verified request body one skillbot can handle? Decided before Bolt sees it: Bolt throws
 * an unhandled TypeError on `payload=null` (and never answers), and leaves bodies no listener
 * acknowledges (an unknown command, `payload={}`) hanging for three seconds before a 404.
 * Pure: the body is parsed exactly the way Bolt's HTTPReceiver parses it.
 */
import { parse as parseQuery } from 'node:querystring';

export type Shape = { ok: true } | { ok: false; reason: string };

const refuse = (reason: string): Shape => ({ ok: false, reason });
const OK: Shape = { ok: true };

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';

/** Bolt's rule: exactly this content type is a form (a `payload` field holds JSON); anything else is JSON. */
function parseLikeBolt(contentType: string | undefined, rawBody: Buffer): unknown {
  const text = rawBody.toString();
  if (contentType === 'application/x-www-form-urlencoded') {
    const fields = parseQuery(text);
    return typeof fields.payload === 'string' ? JSON.parse(fields.payload) : fields;
  }
  return JSON.parse(text);
}

function slashCommandShape(body: Body, command: string): Shape {
  if (body.command !== command) return refuse('unknown command');
  const fields = ['user_id', 'channel_id', 'team_id'];
  if (!fields.every((name) => isText(body[name]) && body[name] !== '')) return refuse('command without ids');
  if (body.text !== undefined && !isText(body.text)) return refuse('command text is not text');
  return OK;
}

function eventShape(body: Body): Shape {
  if (body.type !== 'event_callback') return refuse('event outside an event_callback');
  const event = body.event;
  if (!isObject(event) || !isText(event.type)) return refuse('event without a type');
  return OK;
}

function blockActionsShape(body: Body): Shape {
  const { actions, user } = body;
  if (!isObject(user) || !isText(user.id)) return refuse('action without a user');
  if (!Array.isArray(actions) || actions.length === 0) return refuse('action without actions');
  if (!actions.every((action) => isObject(action) && isText(action.action_id) && isText(action.type))) {
    return refuse('malformed action');
  }
  if (body.container !== undefined && !isObject(body.container)) return refuse('malformed container');
  return OK;
}

/** Whether `rawBody` (signature already verified) is something our listeners handle. */
export function classifySlackBody(contentType: string | undefined, rawBody: Buffer, command: string): Shape {
  let body: unknown;
  try {
    body = parseLikeBolt(contentType, rawBody);
  } catch {
    return refuse('unparseable body');
  }
  return classifySlackPayload(body, command);
}

/** Whether a parsed body (HTTP) or envelope payload (Socket Mode) is something our listeners handle. */
export function classifySlackPayload(body: unknown, command: string): Shape {
  if (!isObject(body)) return refuse('body is not an object');
  if (body.ssl_check === '1') return OK;
  if (body.type === 'url_verification') return isText(body.challenge) ? OK : refuse('challenge missing');
  if (body.event !== undefined) return eventShape(body);
  if (body.command !== undefined) return slashCommandShape(body, command);
  if (body.type === 'block_actions') return blockActionsShape(body);
  return refuse('nothing skillbot handles');
}
