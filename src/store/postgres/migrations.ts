/**
 * The schema, as numbered steps. Never edit a step that has shipped: add the next one.
 *
 * Every table is keyed by the data file's record key (`slack:T1:U1`, `slack:T1:C1:2026-03-02`),
 * so an export gives back exactly the keys an import brought in. The fields a query filters on are
 * columns; the rest of each record is kept whole as JSON, so fields added to a record later
 * survive an import and an export without a migration.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const INITIAL = `
-- A member's record except check-ins and quiz answers (display name, timezone fields, ...).
CREATE TABLE members (
  key text PRIMARY KEY,
  platform text NOT NULL,
  workspace_id text NOT NULL,
  user_id text NOT NULL,
  profile jsonb NOT NULL
);
CREATE INDEX members_by_workspace ON members (platform, workspace_id);

-- One row per member per local day: this primary key is what makes a check-in idempotent.
CREATE TABLE checkins (
  member_key text NOT NULL REFERENCES members ON DELETE CASCADE,
  local_date date NOT NULL,
  PRIMARY KEY (member_key, local_date)
);

-- First answer wins: the primary key refuses a second one.
CREATE TABLE quiz_answers (
  member_key text NOT NULL REFERENCES members ON DELETE CASCADE,
  answer_key text NOT NULL,
  option integer NOT NULL,
  PRIMARY KEY (member_key, answer_key)
);

CREATE TABLE workspaces (
  key text PRIMARY KEY,
  settings jsonb NOT NULL
);

CREATE TABLE schedules (
  key text PRIMARY KEY,
  platform text NOT NULL,
  workspace_id text NOT NULL,
  channel_id text NOT NULL,
  paused boolean NOT NULL,
  record jsonb NOT NULL
);

-- The daily post: its key (channel and local date) is the primary key, so inserting it is the
-- claim, and exactly one instance gets to post per channel per day.
CREATE TABLE posts (
  key text PRIMARY KEY,
  platform text NOT NULL,
  workspace_id text NOT NULL,
  channel_id text NOT NULL,
  local_date text NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX posts_by_channel ON posts (platform, workspace_id, channel_id, local_date);
CREATE INDEX posts_by_date ON posts (local_date);
`;

// Each member's streak summary (src/streaks/summary.ts, see postgres/board.ts), so the
// leaderboard ranks in SQL. A check-in bumps `checkin_seq`; the summary is current when
// `summary_seq` equals it, and the board (or the start-up backfill) recomputes the others.
const STREAK_SUMMARIES = `
ALTER TABLE members
  ADD COLUMN checkin_seq integer NOT NULL DEFAULT 1,
  ADD COLUMN summary_seq integer NOT NULL DEFAULT 0,
  ADD COLUMN checkin_total integer NOT NULL DEFAULT 0,
  ADD COLUMN weekdays_run integer, ADD COLUMN weekdays_longest integer, ADD COLUMN weekdays_alive date,
  ADD COLUMN daily_run integer, ADD COLUMN daily_longest integer, ADD COLUMN daily_alive date;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: INITIAL },
  { version: 2, name: 'streak summaries on members', sql: STREAK_SUMMARIES },
];
