/**
 * The store port on PostgreSQL, for any number of instances sharing one database. Each call is
 * one statement or one transaction; it resolves only after the commit, so nothing is confirmed
 * that was not saved. A lost connection fails the call in flight with a clear `StoreWriteError`
 * and the pool connects afresh for the next one; nothing crashes.
 */
import type pg from 'pg';
import { StoreWriteError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { Secret } from '../../secret.ts';
import type {
  ChannelRef,
  CheckinDateRule,
  CheckinResult,
  MemberIdentity,
  StoreHealth,
  StorePort,
} from '../port.ts';
import type { PostRecord } from '../types.ts';
import { Batcher } from './batcher.ts';
import * as board from './board.ts';
import { exportData, importData } from './bulk.ts';
import { checkinBatch } from './checkins.ts';
import * as members from './members.ts';
import { migrate } from './migrate.ts';
import { createPool, describeFailure, inTransaction, type PoolOptions, storeFailure } from './pool.ts';
import * as records from './records.ts';

type Db = pg.Pool | pg.PoolClient;

class PostgresStore implements StorePort {
  readonly kind = 'postgres';
  readonly shared = true;
  private closed = false;

  private readonly checkins: Batcher<{ who: MemberIdentity; dateFor: CheckinDateRule }, CheckinResult>;
  private readonly claims: Batcher<PostRecord, boolean>;
  private readonly settlements: Batcher<records.Settlement, PostRecord | undefined>;
  private readonly histories: Batcher<ChannelRef, PostRecord[]>;

  constructor(private readonly pool: pg.Pool) {
    this.checkins = new Batcher(checkinBatch(pool));
    this.claims = new Batcher(records.claimBatch(pool));
    this.settlements = new Batcher(records.settleBatch(pool));
    this.histories = new Batcher(records.channelPostsBatch(pool));
  }

  private open(doing: string): void {
    if (this.closed) throw new StoreWriteError(`PostgreSQL: could not ${doing}: the store is closed.`);
  }

  /** One statement on any pooled connection. */
  private async run<T>(doing: string, work: (db: Db) => Promise<T>): Promise<T> {
    this.open(doing);
    try {
      return await work(this.pool);
    } catch (error) {
      throw storeFailure(doing, error);
    }
  }

  /** Several statements that stand or fall together. */
  private async atomic<T>(doing: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    this.open(doing);
    return inTransaction(this.pool, doing, work);
  }

  getMember: StorePort['getMember'] = (ref) => this.run('read a member', (db) => members.getMember(db, ref));
  checkIn: StorePort['checkIn'] = async (who, dateFor) => {
    this.open('save the check-in');
    return this.checkins.add({ who, dateFor });
  };
  setTimezone: StorePort['setTimezone'] = (who, rule) =>
    this.atomic('save the timezone', (c) => members.setTimezone(c, who, rule));
  recordQuizAnswer: StorePort['recordQuizAnswer'] = (who, key, option) =>
    this.atomic('save the quiz answer', (c) => members.recordQuizAnswer(c, who, key, option));
  deleteMember: StorePort['deleteMember'] = (ref) =>
    this.run('delete the member', (db) => members.deleteMember(db, ref));
  leaderboard: StorePort['leaderboard'] = (query) =>
    this.run('read the leaderboard', async (db) =>
      board.leaderboard(db, query, await members.getWorkspace(db, query)),
    );
  getWorkspace: StorePort['getWorkspace'] = (ref) =>
    this.run('read workspace settings', (db) => members.getWorkspace(db, ref));
  updateWorkspace: StorePort['updateWorkspace'] = (ref, patch) =>
    this.run('save workspace settings', (db) => records.updateWorkspace(db, ref, patch));
  getSchedule: StorePort['getSchedule'] = (ref) =>
    this.run('read the schedule', (db) => records.getSchedule(db, ref));
  updateSchedule: StorePort['updateSchedule'] = (ref, change) =>
    this.atomic('save the schedule', (c) => records.updateSchedule(c, ref, change));
  listSchedules: StorePort['listSchedules'] = (filter) =>
    this.run('list schedules', (db) => records.listSchedules(db, filter));
  getPosts: StorePort['getPosts'] = (keys) =>
    this.run('read the post log', (db) => records.getPosts(db, keys));
  claimPost: StorePort['claimPost'] = (record) =>
    this.run('claim the daily post', () => this.claims.add(record));
  leaseClaim: StorePort['leaseClaim'] = (key, expected, until) =>
    this.run('renew the claim on the daily post', (db) => records.leaseClaim(db, key, expected, until));
  settlePost: StorePort['settlePost'] = (key, outcome) =>
    this.run('record how the post went', () => this.settlements.add({ key, outcome }));
  channelPosts: StorePort['channelPosts'] = (ref) =>
    this.run('read the post log', () => this.histories.add(ref));
  prunePosts: StorePort['prunePosts'] = (before, channel) =>
    this.run('prune the post log', (db) => records.prunePosts(db, before, channel));

  exportData: StorePort['exportData'] = () =>
    this.atomic('export the store', async (c) => {
      // One snapshot for every table, while other instances keep writing.
      await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return exportData(c);
    });
  importData: StorePort['importData'] = (data) => this.atomic('import the data', (c) => importData(c, data));

  isEmpty: StorePort['isEmpty'] = () =>
    this.run('check whether the store is empty', async (db) => {
      const { rows } = await db.query<{ empty: boolean }>(
        `SELECT NOT (EXISTS (SELECT 1 FROM members) OR EXISTS (SELECT 1 FROM workspaces)
          OR EXISTS (SELECT 1 FROM schedules) OR EXISTS (SELECT 1 FROM posts)) AS empty`,
      );
      return rows[0]?.empty === true;
    });

  async health(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, detail: 'postgres store closed' };
    try {
      await this.pool.query('SELECT 1');
      return { ok: true, detail: 'postgres reachable' };
    } catch (error) {
      return { ok: false, detail: `postgres unreachable: ${describeFailure(error)}` };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

export interface PostgresStoreOptions extends PoolOptions {
  url: Secret;
  log: Logger;
}

/** Connect, bring the schema up to date (safe with several instances starting at once), and open. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<StorePort> {
  const pool = createPool(options.url, options.log, options);
  try {
    const { applied, version } = await migrate(pool);
    if (applied.length > 0) options.log.info({ applied, version }, 'postgres: schema migrated');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return new PostgresStore(pool);
}
