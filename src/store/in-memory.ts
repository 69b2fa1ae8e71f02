/** The store port kept in memory: for tests, benchmarks and throwaway runs. Nothing survives the process. */
import { leaderboard } from './board.ts';
import * as ops from './operations.ts';
import type { StorePort } from './port.ts';
import { Tables, tablesFrom } from './tables.ts';
import type { StoreData } from './types.ts';

class InMemoryStore implements StorePort {
  readonly kind = 'memory';
  readonly shared = false;
  private tables: Tables;
  private closed = false;

  constructor(initial?: StoreData) {
    this.tables = initial ? tablesFrom(structuredClone(initial)) : new Tables();
  }

  /** Every call runs on the tables in one synchronous step, so it is atomic in this process. */
  private async run<T>(operation: (tables: Tables) => T): Promise<T> {
    if (this.closed) throw new Error('The memory store is closed.');
    return operation(this.tables);
  }

  getMember: StorePort['getMember'] = (ref) => this.run((t) => ops.getMember(t, ref));
  checkIn: StorePort['checkIn'] = (who, dateFor) => this.run((t) => ops.checkIn(t, who, dateFor));
  setTimezone: StorePort['setTimezone'] = (who, rule) => this.run((t) => ops.setTimezone(t, who, rule));
  recordQuizAnswer: StorePort['recordQuizAnswer'] = (who, key, option) =>
    this.run((t) => ops.recordQuizAnswer(t, who, key, option));
  deleteMember: StorePort['deleteMember'] = (ref) => this.run((t) => ops.deleteMember(t, ref));
  leaderboard: StorePort['leaderboard'] = (query) => this.run((t) => leaderboard(t, query));
  getWorkspace: StorePort['getWorkspace'] = (ref) => this.run((t) => ops.getWorkspace(t, ref));
  updateWorkspace: StorePort['updateWorkspace'] = (ref, patch) =>
    this.run((t) => ops.updateWorkspace(t, ref, patch));
  getSchedule: StorePort['getSchedule'] = (ref) => this.run((t) => t.schedules.get(ops.channelKeyOf(ref)));
  updateSchedule: StorePort['updateSchedule'] = (ref, change) =>
    this.run((t) => ops.updateSchedule(t, ref, change));
  listSchedules: StorePort['listSchedules'] = (filter) => this.run((t) => ops.listSchedules(t, filter));
  getPosts: StorePort['getPosts'] = (keys) => this.run((t) => ops.getPosts(t, keys));
  claimPost: StorePort['claimPost'] = (record) => this.run((t) => ops.claimPost(t, record));
  leaseClaim: StorePort['leaseClaim'] = (key, expected, until) =>
    this.run((t) => ops.leaseClaim(t, key, expected, until));
  settlePost: StorePort['settlePost'] = (key, outcome) => this.run((t) => ops.settlePost(t, key, outcome));
  channelPosts: StorePort['channelPosts'] = (ref) => this.run((t) => ops.channelPosts(t, ref));
  prunePosts: StorePort['prunePosts'] = (before, channel) =>
    this.run((t) => ops.prunePosts(t, before, channel));
  exportData: StorePort['exportData'] = () => this.run((t) => structuredClone(t.toData()));
  importData: StorePort['importData'] = (data) =>
    this.run(() => {
      this.tables = tablesFrom(structuredClone(data));
    });
  isEmpty: StorePort['isEmpty'] = () => this.run((t) => t.isEmpty());
  health: StorePort['health'] = async () =>
    this.closed ? { ok: false, detail: 'memory store closed' } : { ok: true, detail: 'memory store' };

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** A fresh memory store, optionally holding a copy of `initial`. */
export function createInMemoryStore(initial?: StoreData): StorePort {
  return new InMemoryStore(initial);
}
