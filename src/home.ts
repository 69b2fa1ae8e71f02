/** The personal overview shown in Slack's App Home: streak, last 14 days, rank and today's tip. */
import type { CoreDeps } from './core.ts';
import type { TipTarget } from './delivery.ts';
import { streakOverview } from './streaks/checkin.ts';
import { days, daysRow } from './streaks/render.ts';
import { buildPost } from './tips/post.ts';
import { todaysTip } from './tips/today.ts';
import type { Origin, Reply } from './types.ts';

/** The channel whose tip the home shows: the workspace's first subscribed channel, else the asker's. */
async function homeChannel(deps: CoreDeps, origin: Origin): Promise<TipTarget> {
  const [subscribed] = await deps.store.listSchedules({
    platform: origin.platform,
    workspaceId: origin.workspaceId,
    activeOnly: true,
  });
  return {
    platform: origin.platform,
    workspaceId: origin.workspaceId,
    channelId: subscribed?.channelId ?? origin.channelId,
  };
}

export async function homeReply(deps: CoreDeps, origin: Origin): Promise<Reply> {
  const overview = await streakOverview(deps, origin);
  const { row, legend } = daysRow(overview.days);
  const today = await todaysTip(deps, await homeChannel(deps, origin), origin.at);
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
