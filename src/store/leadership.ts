/**
 * Leadership: at most one instance at a time holds a named role (for example one platform
 * connection that must not be opened twice). The store provides it, since the store is what
 * several instances share; the core never needs it, the composition root does.
 */
export interface CampaignHandlers {
  /** This instance now holds the role. */
  elected(): void;
  /** Another instance holds the role (said once per wait, so the caller can start as a standby). */
  standby(): void;
  /** This instance lost the role (its database connection failed); stop acting on it at once. */
  deposed(reason: string): void;
}

export interface Campaign {
  /** Stop campaigning and give the role up if held. */
  resign(): Promise<void>;
}

export interface Leadership {
  campaign(role: string, handlers: CampaignHandlers): Campaign;
}

/** One instance only (the data file's lock already guarantees it): always the leader. */
export const soleInstance: Leadership = {
  campaign(_role, handlers) {
    queueMicrotask(() => handlers.elected());
    return { resign: async () => {} };
  },
};
