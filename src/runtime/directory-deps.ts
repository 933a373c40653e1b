import type { Core } from '../app.js';
import type { DirectoryCommands } from '../cli/cli-deps.js';
import { releaseLeavers, type LeaverPorts } from '../core/directory/leavers.js';
import { syncDirectory, syncSlack, type SyncPorts } from '../core/directory/sync-directory.js';
import { PrismaDirectoryStore, type Database } from '../db/index.js';
import { GraphDirectory } from '../directory/graph-directory.js';
import { SlackUsers } from '../directory/slack-directory.js';
import { GraphTokens } from '../directory/token.js';

/** Where the directories are: the Teams app registration for Graph, the Slack bot token for users.list. */
export interface DirectoryConnections {
  graph?: { appId: string; password: string; tenantId: string; loginUrl: string; graphUrl: string; educationAttribute?: string | undefined } | undefined;
  slack?: { apiUrl: string; token: string } | undefined;
}

export class DirectoryNotConfiguredError extends Error {}

const LOGIN_URL = 'https://login.microsoftonline.com';

/** The connections from the validated settings; a source without its credentials is left out. */
export function directoryConnections(config: {
  teams: { appId?: string | undefined; appPassword?: string | undefined; tenantId?: string | undefined; loginUrl?: string | undefined };
  slack?: { botToken: string; apiUrl: string } | undefined;
  slackApiUrl: string;
  directory: { graphUrl: string; educationAttribute?: string | undefined };
}): DirectoryConnections {
  const t = config.teams;
  return {
    graph:
      t.appId && t.appPassword && t.tenantId
        ? { appId: t.appId, password: t.appPassword, tenantId: t.tenantId, loginUrl: t.loginUrl ?? LOGIN_URL, graphUrl: config.directory.graphUrl, educationAttribute: config.directory.educationAttribute }
        : undefined,
    slack: config.slack ? { apiUrl: config.slack.apiUrl, token: config.slack.botToken } : undefined,
  };
}

/** The sync use cases over one database and core: seats and klus hands of leavers go back the way erasure does it. */
export function directoryCommands(core: Core, db: Database, connections: DirectoryConnections): DirectoryCommands {
  const store = new PrismaDirectoryStore(db.prisma);
  const leavers: LeaverPorts = {
    leavers: store,
    people: core.ctx.people,
    cancelSignup: (actor, workshopId) => core.workshops.cancel(actor, { w: workshopId, q: '', o: 0 }),
    withdrawHand: (actor, klusId) => core.klussen.joining.withdraw(actor, klusId),
    withdrawFromOutbox: (personId, why) => core.leaving.withdrawFromOutbox(personId, why),
    clock: core.ctx.clock,
  };
  const ports = (dryRun: boolean): SyncPorts => ({ store, clock: core.ctx.clock, ...(dryRun ? {} : { leavers }) });
  return {
    available: () => ({ directory: Boolean(connections.graph), slack: Boolean(connections.slack) }),
    syncDirectory: (dryRun, signal) => {
      const g = connections.graph;
      if (!g) throw new DirectoryNotConfiguredError('The directory sync needs MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (the Teams app registration).');
      const source = new GraphDirectory(new GraphTokens(g, g.graphUrl, signal), { graphUrl: g.graphUrl, educationAttribute: g.educationAttribute, retry: { signal } });
      return syncDirectory(ports(dryRun), source, { dryRun });
    },
    syncSlack: (dryRun, signal) => {
      const s = connections.slack;
      if (!s) throw new DirectoryNotConfiguredError('The Slack sync needs SLACK_BOT_TOKEN (and SLACK_SIGNING_SECRET) of the bot.');
      return syncSlack(ports(dryRun), new SlackUsers(s.apiUrl, s.token, { signal }), { dryRun });
    },
    releaseLeavers: () => releaseLeavers(leavers),
  };
}
