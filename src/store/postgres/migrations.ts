/**
 * The schema, as numbered steps. Never edit a step that has shipped: add the next one.
 * Keys mirror the data file's: a member is (platform, workspace, user); a channel adds its id.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const INITIAL = `
CREATE TABLE members (
  platform text NOT NULL,
  workspace_id text NOT NULL,
  user_id text NOT NULL,
  display_name text NOT NULL DEFAULT '',
  timezone text,
  PRIMARY KEY (platform, workspace_id, user_id)
);

-- One row per member per local day: the primary key is what makes a check-in idempotent.
CREATE TABLE checkins (
  platform text NOT NULL,
  workspace_id text NOT NULL,
  user_id text NOT NULL,
  local_date date NOT NULL,
  PRIMARY KEY (platform, workspace_id, user_id, local_date),
  FOREIGN KEY (platform, workspace_id, user_id) REFERENCES members ON DELETE CASCADE
);

CREATE TABLE quiz_answers (
  platform text NOT NULL,
  workspace_id text NOT NULL,
  user_id text NOT NULL,
  answer_key text NOT NULL,
  choice integer NOT NULL,
  PRIMARY KEY (platform, workspace_id, user_id, answer_key),
  FOREIGN KEY (platform, workspace_id, user_id) REFERENCES members ON DELETE CASCADE
);

CREATE TABLE workspaces (
  platform text NOT NULL,
  workspace_id text NOT NULL,
  timezone text,
  learning_days text CHECK (learning_days IN ('weekdays', 'daily')),
  PRIMARY KEY (platform, workspace_id)
);

CREATE TABLE schedules (
  platform text NOT NULL,
  workspace_id text NOT NULL,
  channel_id text NOT NULL,
  time text NOT NULL,
  timezone text NOT NULL,
  days text NOT NULL CHECK (days IN ('weekdays', 'daily')),
  source text NOT NULL CHECK (source IN ('command', 'env')),
  created_by text,
  created_at text NOT NULL,
  paused jsonb,
  PRIMARY KEY (platform, workspace_id, channel_id)
);

-- The daily post: the primary key is the claim, so exactly one instance posts per channel per day.
CREATE TABLE posts (
  platform text NOT NULL,
  workspace_id text NOT NULL,
  channel_id text NOT NULL,
  local_date date NOT NULL,
  tip_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('claimed', 'sent', 'failed', 'skipped')),
  claimed_at text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  sent_at text,
  message_id text,
  reason text,
  PRIMARY KEY (platform, workspace_id, channel_id, local_date)
);
CREATE INDEX posts_open ON posts (status) WHERE status = 'claimed';
`;

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial schema', sql: INITIAL }];
