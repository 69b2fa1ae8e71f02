/**
 * Leadership through a PostgreSQL session advisory lock, held on a connection of its own.
 *
 * The server releases the lock the moment that connection ends: a holder that is killed closes its
 * socket at once; one that vanishes from the network is dropped by the session's TCP keepalives
 * and idle timeout (set below). The holder checks its connection every few seconds and calls
 * itself deposed as soon as a check fails, which is before the server can hand the lock on, so two
 * instances never act as leader together. A standby retries every few seconds.
 */
import pg from 'pg';
import type { Logger } from '../../log.ts';
import type { Secret } from '../../secret.ts';
import type { Campaign, CampaignHandlers, Leadership } from '../leadership.ts';
import { LOCK_NAMESPACE } from './migrate.ts';
import { describeFailure } from './pool.ts';

export interface LeadershipTiming {
  /** How often a standby asks for the lock again. */
  retryMs: number;
  /** How often the holder checks its connection. */
  heartbeatMs: number;
  /** The server ends a session silent for this long, releasing the lock of a holder that froze. */
  idleSessionMs: number;
}

const DEFAULT_TIMING: LeadershipTiming = { retryMs: 5_000, heartbeatMs: 5_000, idleSessionMs: 30_000 };

/** Session settings that make the server notice a vanished holder in seconds, not hours. */
const SESSION_SETTINGS: Array<[string, string]> = [
  ['tcp_keepalives_idle', '10'],
  ['tcp_keepalives_interval', '5'],
  ['tcp_keepalives_count', '3'],
];

class LockCampaign implements Campaign {
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private leading = false;
  private toldStandby = false;
  private resigned = false;

  constructor(
    private readonly url: Secret,
    private readonly role: string,
    private readonly handlers: CampaignHandlers,
    private readonly log: Logger,
    private readonly timing: LeadershipTiming,
  ) {}

  begin(): void {
    void this.attempt();
  }

  async resign(): Promise<void> {
    this.resigned = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    this.leading = false;
    // Ending the session releases the lock.
    await client?.end().catch(() => undefined);
  }

  private schedule(next: () => Promise<void>, ms: number): void {
    if (this.resigned) return;
    this.timer = setTimeout(() => void next(), ms);
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url.reveal(),
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      query_timeout: this.timing.heartbeatMs,
      application_name: `skillbot leader ${this.role}`,
    });
    client.on('error', (err) => {
      if (this.client === client) this.lost(`connection error: ${describeFailure(err)}`);
    });
    await client.connect();
    for (const [name, value] of [
      ...SESSION_SETTINGS,
      ['idle_session_timeout', `${this.timing.idleSessionMs}`],
    ]) {
      // Older servers lack some settings; the lock still works without them.
      await client.query('SELECT set_config($1, $2, false)', [name, value]).catch(() => undefined);
    }
    return client;
  }

  /** Ask for the lock once; schedule the next step either way. */
  private async attempt(): Promise<void> {
    if (this.resigned) return;
    try {
      this.client ??= await this.connect();
      const { rows } = await this.client.query<{ held: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS held',
        [LOCK_NAMESPACE, this.role],
      );
      if (this.resigned) return;
      if (rows[0]?.held) return this.elect();
      if (!this.toldStandby) {
        this.toldStandby = true;
        this.handlers.standby();
      }
    } catch (error) {
      this.log.warn(
        { role: this.role, reason: describeFailure(error) },
        'leadership: cannot reach the database',
      );
      await this.dropClient();
    }
    this.schedule(() => this.attempt(), this.timing.retryMs);
  }

  private elect(): void {
    this.leading = true;
    this.toldStandby = false;
    this.log.info({ role: this.role }, `leadership: this instance now holds ${this.role}`);
    this.handlers.elected();
    this.schedule(() => this.heartbeat(), this.timing.heartbeatMs);
  }

  private async heartbeat(): Promise<void> {
    const client = this.client;
    if (!this.leading || !client) return;
    try {
      await client.query('SELECT 1');
      if (this.leading && this.client === client)
        this.schedule(() => this.heartbeat(), this.timing.heartbeatMs);
    } catch (error) {
      if (this.client === client) this.lost(`heartbeat failed: ${describeFailure(error)}`);
    }
  }

  /**
   * The connection holding (or asking for) the lock failed: drop it. A holder steps down at once
   * and campaigns again; a standby's next attempt (already scheduled or running) reconnects.
   */
  private lost(reason: string): void {
    void this.dropClient();
    if (!this.leading || this.resigned) return;
    this.leading = false;
    clearTimeout(this.timer);
    this.log.error({ role: this.role, reason }, `leadership: lost ${this.role}; stepping down`);
    this.handlers.deposed(reason);
    this.schedule(() => this.attempt(), this.timing.retryMs);
  }

  private async dropClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

/** Leadership shared by every instance using the database at `url`. */
export function postgresLeadership(
  url: Secret,
  log: Logger,
  timing: Partial<LeadershipTiming> = {},
): Leadership {
  const resolved = { ...DEFAULT_TIMING, ...timing };
  return {
    campaign(role, handlers) {
      const campaign = new LockCampaign(url, role, handlers, log, resolved);
      campaign.begin();
      return campaign;
    },
  };
}
