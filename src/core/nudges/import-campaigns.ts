import { checkCampaigns, problemText, type CampaignRuleOptions } from './campaign-rules.js';
import type { ImportReport } from '../import/import-report.js';
import type { CampaignImportRepository } from './campaign-import-repository.js';

/** A campaign file that cannot be stored; every problem is listed, by campaign and field. */
export class CampaignFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'CampaignFileError';
  }
}

/**
 * `campaign import <file.json>`: one campaign object or an array of them (README "Nudges" shows the format). Every
 * campaign is checked first (shape, cron, organisations, plain Dutch); any problem rejects the whole file. Stored by
 * key: importing the same file again changes nothing, and a campaign without `status` keeps the one it has (new
 * ones start active).
 */
export async function importCampaigns(
  campaigns: CampaignImportRepository,
  content: Buffer,
  opts: CampaignRuleOptions & { now: Date },
): Promise<ImportReport> {
  let raw: unknown;
  try {
    raw = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CampaignFileError([`not valid JSON: ${(e as Error).message}`]);
  }
  // The same rules as the console's campaign form (campaign-rules.ts).
  const checked = await checkCampaigns(campaigns, Array.isArray(raw) ? raw : [raw], opts);
  if (!checked.ok) throw new CampaignFileError(checked.problems.map(problemText));
  const counts = await campaigns.importCampaigns(checked.campaigns, opts.now);
  return { kind: 'campaigns', ...counts };
}
