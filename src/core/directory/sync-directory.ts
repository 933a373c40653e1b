import type { Clock } from '../ports.js';
import type { DirectorySource, SlackDirectory } from './directory-source.js';
import type { DirectoryStore, Refusal, SyncCounts, SyncPlan } from './directory-store.js';
import { releaseLeavers, type LeaverPorts } from './leavers.js';
import { countPlan, planDirectory } from './plan-directory.js';
import { planSlack } from './plan-slack.js';

export interface SyncReport extends SyncCounts {
  dryRun: boolean;
  refusals: Refusal[];
  /** Seats given back and klus hands withdrawn for people who left (real runs only). */
  released: { seats: number; hands: number };
}

export interface SyncPorts {
  store: DirectoryStore;
  clock: Clock;
  /** Gives leavers' seats and hands back after the run (the same code as erasure); absent in a dry run. */
  leavers?: LeaverPorts;
}

/**
 * Reads the source completely first (a failure there changes nothing), plans, and either only reports (dry run)
 * or applies the plan in one transaction with the new delta link and the audit line. Leavers' seats and klus hands
 * are given back afterwards; that step works from what is stored, so a crash in it is finished by the next run.
 */
async function run(ports: SyncPorts, plan: SyncPlan, dryRun: boolean): Promise<SyncReport> {
  const counts = countPlan(plan);
  let released = { seats: 0, hands: 0 };
  if (!dryRun) {
    await ports.store.apply(plan, counts, ports.clock.now());
    if (ports.leavers) released = await releaseLeavers(ports.leavers);
  }
  return { ...counts, dryRun, refusals: plan.refused, released };
}

export async function syncDirectory(ports: SyncPorts, source: DirectorySource, opts: { dryRun: boolean }): Promise<SyncReport> {
  const deltaLink = await ports.store.deltaLink('directory');
  const page = await source.users(deltaLink);
  const groups = await source.groups();
  const [stored, storedGroups] = await Promise.all([ports.store.people(), ports.store.groups()]);
  const plan = planDirectory({ stored, users: page.users, full: page.full, groups, storedGroups, deltaLink: page.deltaLink });
  return run(ports, plan, opts.dryRun);
}

export async function syncSlack(ports: SyncPorts, slack: SlackDirectory, opts: { dryRun: boolean }): Promise<SyncReport> {
  const members = await slack.members();
  const plan = planSlack(await ports.store.people(), members);
  return run(ports, plan, opts.dryRun);
}

/** The lines both CLI commands print: the four counts, then every refused record with its reason. */
export function formatSync(r: SyncReport): string[] {
  return [
    `created: ${r.created}`,
    `changed: ${r.changed}`,
    `deactivated: ${r.deactivated}`,
    `refused: ${r.refused}`,
    ...r.refusals.map((x) => `  ${x.record}: ${x.reason}`),
    ...(r.dryRun ? ['(dry run: nothing was changed)'] : []),
  ];
}
