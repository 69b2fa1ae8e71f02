/** The personal overview shown in Slack's App Home: streak, last 14 days, rank and today's tip. */
import type { CoreDeps } from './core.ts';
import type { TipTarget } from './delivery.ts';
import { streakOverview } from './streaks/checkin.ts';
import { days, daysRow } from './streaks/render.ts';
import { buildPost } from './tips/post.ts';
import { todaysTip } from './tips/today.ts';
import type { Origin, Reply } from './types.ts';

/** The channel whose tip the home shows: the workspace's first subscribed channel, else the asker's. */
function homeChannel(deps: CoreDeps, origin: Origin): TipTarget {
  const subscribed = Object.values(deps.store.data.schedules)
    .filter((s) => s.platform === origin.platform && s.workspaceId === origin.workspaceId && !s.paused)
    .sort((a, b) => a.channelId.localeCompare(b.channelId))[0];
  return {
    platform: origin.platform,
    workspaceId: origin.workspaceId,
    channelId: subscribed?.channelId ?? origin.channelId,
  };
}

export function homeReply(deps: CoreDeps, origin: Origin): Reply {
  const overview = streakOverview(deps, origin);
  const { row, legend } = daysRow(overview.days);
  const today = todaysTip(deps, homeChannel(deps, origin), origin.at);
  const post = today.tip ? buildPost(deps.content, today.tip, today.date) : undefined;
  const status = overview.checkedInToday
    ? 'Today counts already. Nice work.'
    : 'Check in today to keep it going.';
  return {
    title: 'Your learning streak',
    text: [`Last 14 days: ${row}`, legend, status, post ? `### ${post.title}\n\n${post.text}` : '']
      .filter(Boolean)
      .join('\n\n'),
    fields: [
      { label: 'Current streak', value: days(overview.current) },
      { label: 'Longest streak', value: days(overview.longest) },
      { label: 'Learning days', value: String(overview.total) },
      { label: 'Freezes banked', value: String(overview.freezes) },
      {
        label: 'Team rank',
        value: overview.rank ? `#${overview.rank} of ${overview.boardSize}` : 'not ranked yet',
      },
    ],
    buttons: post?.buttons ?? [],
    visibility: 'private',
  };
}
