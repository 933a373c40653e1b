import type { OutreachDeps } from './deps.js';
import type { LearningWeek, PublicWorkshop, TeamLeader } from './ports.js';

/** What `/aanbod` shows: upcoming workshops (of one learning week, when its key is given) and nothing personal. */
export async function publicCatalogue(ctx: OutreachDeps, weekKey?: string): Promise<{ week: LearningWeek | null; workshops: PublicWorkshop[] } | null> {
  const now = ctx.clock.now();
  const week = weekKey ? await ctx.catalogue.learningWeek({ key: weekKey, today: now }) : null;
  if (weekKey && !week) return null;
  return { week, workshops: await ctx.catalogue.upcoming({ from: now, weekKey: week?.key, limit: 60 }) };
}

/** The request form of one workshop: the workshop and the team leaders to choose from. */
export async function requestForm(ctx: OutreachDeps, workshopId: string): Promise<{ workshop: PublicWorkshop; teamLeaders: TeamLeader[] } | null> {
  const workshop = await ctx.catalogue.getWorkshop(workshopId);
  if (!workshop || workshop.startsAt <= ctx.clock.now()) return null;
  return { workshop, teamLeaders: await ctx.catalogue.teamLeaders() };
}
