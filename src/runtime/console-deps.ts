import type { Core } from '../app.js';
import { renderBarChartSvg } from '../charts/bar-chart.js';
import type { Config } from '../config.js';
import { WorkshopConsole } from '../core/workshops/workshop-console.js';
import { adminPorts, type Database } from '../db/index.js';
import cron from 'node-cron';
import { CampaignEditor } from '../core/nudges/campaign-editor.js';
import type { ConsoleServices } from '../server/console/services.js';
import { teamsTokenVerifier } from '../server/console/teams-sso.js';

/** The console's services over the bot's core and database; Teams SSO only with an app id and a public URL. */
export function consoleServices(core: Core, db: Database, config: Config): ConsoleServices {
  const admin = adminPorts(db.prisma);
  const { appId, tenantId, loginUrl } = config.teams;
  return {
    core,
    workshops: new WorkshopConsole({ workshops: core.ctx.workshops, workshopAdmin: core.ctx.workshopAdmin, files: admin.workshopFiles, clock: core.ctx.clock, settings: core.ctx.settings }),
    workshopFiles: admin.workshopFiles,
    peopleAdmin: admin.people,
    audit: admin.audit,
    engagementReport: admin.engagementReport,
    campaignEditor: new CampaignEditor({
      campaigns: admin.campaignImport,
      nudges: admin.nudges,
      audit: admin.audit,
      now: () => core.ctx.clock.now(),
      rules: { timezone: config.timezone, validCron: (s) => cron.validate(s) },
    }),
    broadcastFailures: admin.broadcastFailures,
    drawChart: renderBarChartSvg,
    verifyTeamsToken:
      appId && config.publicUrl
        ? teamsTokenVerifier({
            loginUrl: loginUrl ?? 'https://login.microsoftonline.com',
            tenantId: tenantId ?? 'organizations',
            appId,
            publicUrl: config.publicUrl,
          })
        : null,
  };
}
