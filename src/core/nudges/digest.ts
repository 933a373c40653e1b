import type { MessageKey, Translate } from './texts.js';
import type { Block, Message } from '../messages.js';
import { band, type Band } from './activity.js';
import type { TeamFigures } from './nudge-repository.js';
import { MIN_GROUP } from './settings.js';

const TIPS: Record<Band, MessageKey[]> = {
  low: ['digest.tip.low.1', 'digest.tip.low.2', 'digest.tip.low.3'],
  mid: ['digest.tip.mid.1', 'digest.tip.mid.2', 'digest.tip.mid.3'],
  high: ['digest.tip.high.1', 'digest.tip.high.2', 'digest.tip.high.3'],
};
const ALL_TIPS = [...TIPS.low, ...TIPS.mid, ...TIPS.high];

/** A different tip each week; for a small team from all tips, since its band is not shown (nor computed). */
export function tipFor(b: Band | null, week: string): MessageKey {
  const n = Number(week.slice(-2)) || 0;
  const list = b ? TIPS[b] : ALL_TIPS;
  return list[n % list.length]!;
}

/**
 * The weekly digest for a team leader. Figures only for a team of MIN_GROUP or more, and then as a band ("about
 * half"), never a count of who did or did not do something and never a name: a band holds several counts,
 * including none and all, so no single colleague's activity can be read from it.
 */
export function digestMessage(tr: Translate, f: TeamFigures, opts: { week: string; activityWeeks: number }): Message {
  const blocks: Block[] = [{ type: 'header', text: tr('digest.title') }];
  let b: Band | null = null;
  if (f.size >= MIN_GROUP && f.active !== null) {
    b = band(f.active, f.size);
    blocks.push({ type: 'text', text: `${tr('digest.size', { count: f.size })} ${tr(`digest.band_${b}`, { weeks: opts.activityWeeks })}` });
    blocks.push({ type: 'context', text: tr('digest.what_counts') });
  } else {
    blocks.push({ type: 'text', text: tr('digest.small_team') });
  }
  if (f.upcomingWorkshops > 0) blocks.push({ type: 'text', text: tr('digest.offers', { count: f.upcomingWorkshops }) });
  blocks.push({ type: 'fields', fields: [{ label: tr('digest.tip_title'), value: tr(tipFor(b, opts.week)) }] });
  blocks.push({ type: 'context', text: `${tr('digest.private')} ${tr('digest.intro')}` });
  blocks.push({ type: 'actions', buttons: [{ action: 'nav.workshops', value: '', label: tr('digest.button_workshops') }] });
  return { text: tr('digest.title'), blocks };
}
