import type { Config } from './config.js';
import { BroadcastOutbox } from './core/broadcasts/broadcast-outbox.js';
import { BroadcastService } from './core/broadcasts/broadcast-service.js';
import { BroadcastDesk } from './core/broadcasts/broadcast-desk.js';
import { broadcastsFeature } from './core/broadcasts/broadcasts-feature.js';
import type { BroadcastsDeps } from './core/broadcasts/deps.js';
import { baseFeature } from './core/chat/base-feature.js';
import { Bot } from './core/chat/bot.js';
import { upcomingFeature } from './core/chat/upcoming-feature.js';
import type { Feature } from './core/feature.js';
import { commonTexts } from './core/i18n/index.js';
import { texts as broadcastTexts, type MessageKey as BroadcastKey } from './core/broadcasts/texts.js';
import { texts as klussenTexts, type MessageKey as KlussenKey } from './core/klussen/texts.js';
import { texts as nudgeTexts, type MessageKey as NudgeKey } from './core/nudges/texts.js';
import { texts as privacyTexts, type MessageKey as PrivacyKey } from './core/privacy/texts.js';
import { texts as reflectionTexts, type MessageKey as ReflectionKey } from './core/reflection/texts.js';
import { texts as workshopTexts, type MessageKey as WorkshopKey } from './core/workshops/texts.js';
import { broadcastKinds } from './core/broadcasts/outbox-kinds.js';
import { klusKinds } from './core/klussen/outbox-kinds.js';
import { nudgeKinds } from './core/nudges/outbox-kinds.js';
import type { OutboxKind } from './core/outbox.js';
import { withdrawFromOutbox } from './core/people/leaving.js';
import { promptKinds } from './core/reflection/outbox-kinds.js';
import { workshopKinds } from './core/workshops/outbox-kinds.js';
import type { Locale } from './core/messages.js';
import type { KlussenDeps } from './core/klussen/deps.js';
import { klussenFeature } from './core/klussen/klussen-feature.js';
import { KlussenService } from './core/klussen/klussen-service.js';
import type { NudgesDeps } from './core/nudges/deps.js';
import { nudgesFeature } from './core/nudges/nudges-feature.js';
import type { NudgeSettings } from './core/nudges/settings.js';
import type { Clock, Logger, Platform } from './core/ports.js';
import { systemClock } from './core/ports.js';
import type { PrivacyDeps } from './core/privacy/deps.js';
import { privacyFeature } from './core/privacy/privacy-feature.js';
import { PrivacyService } from './core/privacy/privacy-service.js';
import type { ReflectionDeps } from './core/reflection/deps.js';
import { reflectionFeature } from './core/reflection/reflection-feature.js';
import { ReflectionService } from './core/reflection/reflection-service.js';
import type { WorkshopsDeps } from './core/workshops/deps.js';
import { manageWorkshopsFeature } from './core/workshops/manage-feature.js';
import { ManageWorkshopsService } from './core/workshops/manage-service.js';
import { workshopsFeature } from './core/workshops/workshops-feature.js';
import { WorkshopsService } from './core/workshops/workshops-service.js';
import type { BroadcastRepository } from './core/broadcasts/broadcast-repository.js';
import type { DownloadRepository } from './core/downloads/download-repository.js';
import type { KlussenRepository } from './core/klussen/klussen-repository.js';
import type { ChartStore } from './core/nudges/chart.js';
import type { NudgeRepository } from './core/nudges/nudge-repository.js';
import type { EngagementReportRepository } from './core/nudges/report-repository.js';
import type { OutboxRepository } from './core/outbox-repository.js';
import type { PeopleRepository } from './core/people/people-repository.js';
import type { PrivacyRepository } from './core/privacy/privacy-repository.js';
import type { DossierRepository } from './core/reflection/dossier.js';
import type { ProgrammeRepository } from './core/reflection/programme.js';
import type { ReflectionRepository } from './core/reflection/reflection-repository.js';
import type { PromptScheduleRepository } from './core/reflection/schedule-repository.js';
import type { WorkshopAdminRepository } from './core/workshops/workshop-admin-repository.js';
import type { WorkshopsRepository } from './core/workshops/workshops-repository.js';
import type { OutreachDeps } from './core/outreach/deps.js';
import { outreachFeature } from './core/outreach/outreach-feature.js';
import { outreachKinds } from './core/outreach/outbox-kinds.js';
import type { PublicCatalogueRepository, SeatRequestRepository, TeamMembers } from './core/outreach/ports.js';
import { texts as outreachTexts, type MessageKey as OutreachKey } from './core/outreach/texts.js';
import type { TeamRepository } from './core/team/team-repository.js';
import { ProxySignups } from './core/workshops/proxy-signups.js';
import { teamFeature } from './core/team/team-feature.js';
import { TeamService } from './core/team/team-service.js';
import { teamKinds } from './core/team/outbox-kinds.js';
import { texts as teamTexts, type MessageKey as TeamKey } from './core/team/texts.js';
import type { ConsoleAccessRepository } from './core/console/console-repository.js';
import type { AuditRepository } from './core/audit/audit-repository.js';
import { ConsoleAccess } from './core/console/console-access.js';
import { consoleFeature } from './core/console/console-feature.js';
import { texts as consoleTexts, type MessageKey as ConsoleKey } from './core/console/texts.js';
import { texts as learningWeekTexts, type MessageKey as LearningWeekKey } from './core/learning-weeks/texts.js';

export interface AppSettings {
  timezone: string;
  defaultLocale: Locale;
  adminUsers: readonly string[];
  publicUrl: string;
  broadcastApproval?: boolean;
  deliveryPace?: Partial<Record<Platform, number>>;
  nudges?: NudgeSettings;
}

/**
 * Every port the features use, with the clock, the logger and the settings: the composition's own bag. Each
 * feature is handed the part it declares in its `deps.ts`, never this whole bag.
 */
export interface Repositories {
  people: PeopleRepository;
  workshops: WorkshopsRepository;
  workshopAdmin: WorkshopAdminRepository;
  klussen: KlussenRepository;
  reflections: ReflectionRepository;
  promptSchedule: PromptScheduleRepository;
  programmes: ProgrammeRepository;
  dossier: DossierRepository;
  downloads: DownloadRepository;
  privacy: PrivacyRepository;
  outbox: OutboxRepository;
  broadcasts: BroadcastRepository;
  nudges: NudgeRepository;
  engagementReport: EngagementReportRepository;
  charts: ChartStore;
  publicCatalogue: PublicCatalogueRepository;
  seatRequests: SeatRequestRepository;
  teamMembers: TeamMembers;
  team: TeamRepository;
  consoleAccess: ConsoleAccessRepository;
  audit: AuditRepository;
}

export type CorePorts = Repositories & { clock: Clock; logger: Logger; settings: AppSettings };

/**
 * Wires the features to their ports: the one place where the list of features is made and each is handed what it
 * declares. The repositories come from `src/db` (`openRepositories`), chosen by the composition roots.
 */
export function createCore(repositories: Repositories, settings: AppSettings, logger: Logger, clock: Clock = systemClock) {
  const ctx: CorePorts = { ...repositories, clock, logger, settings };
  const { people, workshops: workshopsRepo, workshopAdmin, klussen: klussenRepo, outbox, downloads } = ctx;

  const workshopsDeps: WorkshopsDeps = { workshops: workshopsRepo, workshopAdmin, clock, settings };
  const klussenDeps: KlussenDeps = { klussen: klussenRepo, people, clock, logger, settings };
  const reflectionDeps: ReflectionDeps = {
    reflections: ctx.reflections,
    promptSchedule: ctx.promptSchedule,
    programmes: ctx.programmes,
    dossier: ctx.dossier,
    downloads,
    workshops: workshopsRepo,
    clock,
    settings,
  };
  const broadcastsDeps: BroadcastsDeps = { broadcasts: ctx.broadcasts, outbox, people, workshops: workshopsRepo, clock, logger, settings };
  const nudgesDeps: NudgesDeps = {
    nudges: ctx.nudges,
    engagementReport: ctx.engagementReport,
    charts: ctx.charts,
    downloads,
    workshops: workshopsRepo,
    clock,
    logger,
    settings,
  };
  const privacyDeps: PrivacyDeps = {
    privacy: ctx.privacy,
    downloads,
    workshops: workshopsRepo,
    withdrawFromOutbox: (personId, why) => withdrawFromOutbox(outbox, outboxKinds, personId, why),
    clock,
    settings,
  };

  const outreachDeps: OutreachDeps = {
    catalogue: ctx.publicCatalogue,
    seatRequests: ctx.seatRequests,
    teamMembers: ctx.teamMembers,
    downloads,
    // pdfkit and qrcode load with the first poster: a bot that prints none does not carry them (about 10 MB).
    renderPoster: async (c) => (await import('./poster/poster-pdf.js')).renderPosterPdf(c),
    // A confirmed seat request is the team leader's sign-up for the person ("aangemeld door <team leader>").
    proxySignUp: (cmd) => proxySignups.signUpOnBehalf(cmd),
    clock,
    logger,
    settings,
  };

  const workshops = new WorkshopsService(workshopsDeps);
  // Team leaders sign team members up for them: the same sign-up, recorded as "aangemeld door" (issue 18).
  const proxySignups = new ProxySignups(workshopsDeps, ctx.team);
  const team = new TeamService({ team: ctx.team, workshops: workshopsRepo, proxy: proxySignups, outbox, clock, settings });
  const klussen = new KlussenService(klussenDeps);
  const reflection = new ReflectionService(reflectionDeps);
  const broadcasts = new BroadcastOutbox(broadcastsDeps, workshops);
  const privacy = new PrivacyService(privacyDeps);
  // One service for chat and the web console: the same checks of role, status and four eyes either way.
  const broadcastService = new BroadcastService(broadcastsDeps, broadcasts);
  const broadcastDesk = new BroadcastDesk(broadcastsDeps, broadcastService);
  const consoleAccess = new ConsoleAccess({ consoleAccess: ctx.consoleAccess, people, audit: ctx.audit, clock, settings });

  // Features reach the bot's own views (help, "mijn", a typed command) through these late-bound calls.
  const views = {
    help: (...a: Parameters<Bot['help']>) => bot.help(...a),
    my: (...a: Parameters<Bot['my']>) => bot.my(...a),
    text: (...a: Parameters<Bot['text']>) => bot.text(...a),
  };
  const features: Feature[] = [
    upcomingFeature(),
    baseFeature(people, views),
    workshopsFeature(workshopsDeps, workshops, views.my),
    manageWorkshopsFeature(new ManageWorkshopsService(workshopsDeps)),
    klussenFeature(klussenDeps, klussen),
    reflectionFeature(reflectionDeps, reflection),
    broadcastsFeature(broadcastService, broadcasts),
    privacyFeature(privacy, workshops),
    nudgesFeature(nudgesDeps, views.text),
    teamFeature(team, views.my),
    outreachFeature(outreachDeps),
    consoleFeature(consoleAccess),
  ];
  const bot: Bot = new Bot(features, { people, settings, logger });
  // Leaving shares erasure's outbox withdrawal: one path for "nothing more for or about this person".
  const leaving = { withdrawFromOutbox: privacyDeps.withdrawFromOutbox };
  return { ctx, bot, features, workshops, proxySignups, team, klussen, reflection, broadcasts, privacy, leaving, outreach: outreachDeps, consoleAccess, broadcastService, broadcastDesk };
}

export type Core = ReturnType<typeof createCore>;

/** Every outbox kind of every feature: the registry the outbox worker asks whether a pause holds a kind back. */
export const outboxKinds: readonly OutboxKind<unknown>[] = [
  ...Object.values(workshopKinds),
  ...Object.values(klusKinds),
  ...Object.values(promptKinds),
  ...Object.values(broadcastKinds),
  ...Object.values(nudgeKinds),
  ...Object.values(outreachKinds),
  ...Object.values(teamKinds),
];

/** How long after its due moment a kind still makes sense; unknown kinds have no limit (they fail to compose anyway). */
export const expiresAfter = (kind: string) => outboxKinds.find((k) => k.name === kind)?.expiresAfter;

/** Unknown kinds are held back while a person pauses, to be safe. */
export const respectsPause = (kind: string) => outboxKinds.find((k) => k.name === kind)?.respectsPause ?? true;

/** Every text of the bot, for the checks that read them all (B1 Dutch, English complete, no Dutch in English). */
export const catalogues = [commonTexts, workshopTexts, klussenTexts, reflectionTexts, privacyTexts, broadcastTexts, nudgeTexts, teamTexts, outreachTexts, consoleTexts, learningWeekTexts].reduce(
  (all, t) => ({ nl: { ...all.nl, ...t.nl }, en: { ...all.en, ...t.en } }),
  { nl: {}, en: {} },
) as Record<Locale, Record<TextKey, string>>;

export type TextKey = WorkshopKey | KlussenKey | ReflectionKey | PrivacyKey | BroadcastKey | NudgeKey | TeamKey | OutreachKey | ConsoleKey | LearningWeekKey;

/** The core's settings from the configuration: one place, so the bot and the console chat enforce the same rules. */
export function coreSettings(config: Config, publicUrl: string): AppSettings {
  return {
    timezone: config.timezone,
    defaultLocale: config.defaultLocale,
    adminUsers: config.adminUsers,
    publicUrl,
    broadcastApproval: config.broadcastApproval,
    deliveryPace: { SLACK: config.outbox.slackRatePerSecond, TEAMS: config.outbox.teamsRatePerSecond },
    nudges: config.nudges,
  };
}
