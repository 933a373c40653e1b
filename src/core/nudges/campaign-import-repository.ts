import type { ImportCounts } from '../import/import-report.js';
import type { CampaignStatus, CampaignTarget, Variant } from './campaign.js';

/** One checked campaign of a file, organisations resolved to ids. */
export interface CampaignImport {
  key: string;
  name: string;
  target: CampaignTarget;
  variants: Variant[];
  schedule: string;
  startsAt: Date | null;
  endsAt: Date | null;
  /** Null: an existing campaign keeps its status, a new one starts active. */
  status: CampaignStatus | null;
}

export interface CampaignImportRepository {
  /** The organisations with these keys (compared as stored). */
  organizationsByKey(keys: string[]): Promise<{ id: string; key: string }[]>;
  /** In one transaction, by key; a campaign whose stored values equal the file's is left untouched. */
  importCampaigns(campaigns: CampaignImport[], now: Date): Promise<ImportCounts>;
  campaignIdByKey(key: string): Promise<string | null>;
}
