import type { Core } from '../app.js';
import { renderBarChartSvg } from '../charts/bar-chart.js';
import type { Config } from '../config.js';
import { LearningWeeksConsole } from '../core/learning-weeks/learning-weeks-console.js';
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
  const learningWeeks = new LearningWeeksConsole({ weeks: admin.learningWeeks, clock: core.ctx.clock, settings: core.ctx.settings });
  return {
    core,
    workshops: new WorkshopConsole({ workshops: core.ctx.workshops, workshopAdmin: core.ctx.workshopAdmin, files: admin.workshopFiles, learningWeeks, clock: core.ctx.clock, settings: core.ctx.settings }),
    learningWeeks,
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
