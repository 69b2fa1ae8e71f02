import { createHash } from 'node:crypto';

/** Discord's limit for a component's `custom_id`. */
export const CUSTOM_ID_MAX = 100;
const SEPARATOR = '|';
const REF_PREFIX = 'skillbot.ref|';
/** Long ids kept in memory; old ones are forgotten first. */
const MAX_REMEMBERED = 5_000;

export interface ButtonAction {
  actionId: string;
  value: string;
}

/**
 * Carries the core's `actionId` and `value` through a button's `custom_id` unchanged:
 * `actionId|value` when it fits in 100 characters, otherwise a short hash key remembered in
 * memory (such a button stops working after a restart; the core's ids are short enough in practice).
 */
export class ButtonIds {
  private readonly long = new Map<string, ButtonAction>();

  encode(actionId: string, value: string): string {
    const direct = `${actionId}${SEPARATOR}${value}`;
    if (direct.length <= CUSTOM_ID_MAX && !actionId.includes(SEPARATOR)) return direct;
    const key = `${REF_PREFIX}${createHash('sha256').update(direct).digest('base64url').slice(0, 32)}`;
    this.long.delete(key);
    this.long.set(key, { actionId, value });
    if (this.long.size > MAX_REMEMBERED) {
      const oldest = this.long.keys().next().value;
      if (oldest !== undefined) this.long.delete(oldest);
    }
    return key;
  }

  /** The action behind a `custom_id`, or undefined for one this process cannot read (expired, foreign). */
  decode(customId: string): ButtonAction | undefined {
    if (customId.startsWith(REF_PREFIX)) return this.long.get(customId);
    const at = customId.indexOf(SEPARATOR);
    if (at <= 0) return undefined;
    return { actionId: customId.slice(0, at), value: customId.slice(at + 1) };
  }
}
