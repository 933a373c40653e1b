import { audit } from '../core/audit/audit.js';
import { exportBroadcastFailures, UnknownBroadcastError } from '../core/broadcasts/export-broadcast-failures.js';
import { seedDemo } from '../core/demo/seed-demo.js';
import { CsvFileError } from '../core/import/csv.js';
import { formatReport, type ImportReport } from '../core/import/import-report.js';
import { klusChannelSetting } from '../core/klussen/klus-channel.js';
import { importKlussen } from '../core/klussen/import-klussen.js';
import { setKlusChannel, UnknownOrganizationError } from '../core/organizations/organizations.js';
import { importPeople } from '../core/people/import-people.js';
import type { Role } from '../core/people/person.js';
import { changeRole, findPersonId, UnknownPersonError } from '../core/people/roles.js';
import { importProgrammes } from '../core/reflection/import-programmes.js';
import { importPrompts } from '../core/reflection/import-prompts.js';
import { exportSignups, UnknownWorkshopError } from '../core/workshops/export-signups.js';
import { importWorkshops } from '../core/workshops/import-workshops.js';
import { option, type CliDeps, type CliIo } from './cli-deps.js';
import { campaignCommand, NUDGE_HELP, reportCommand } from './nudge-commands.js';
import { auditCommand, privacyCommand, PRIVACY_HELP } from './privacy-commands.js';
import { SYNC_HELP, syncCommand } from './sync-commands.js';

export type { CliDeps, CliIo } from './cli-deps.js';

export const HELP = `vliegwiel — admin commands (also: npm run cli -- <command>)

  import people <file.csv>        people (platform,platform_user_id,email,name,organization,department,
                                  education_level,role,locale,skills; optional: manager_email,
                                  employee_number,job_title,active)
  import workshops <file.csv>     workshops (key,title,description,starts_at,ends_at,location,capacity,
                                  organization,tags)
  import klussen <file.csv>       klussen (key,title,description,skills,hours,starts_on,ends_on,organization,
                                  owner_email)
  import prompts <file.csv>       HR's own reflection prompts (key,kind,theme,audiences,text_nl,text_en,
                                  follow_up_nl,follow_up_en,active)
  import programmes <file.csv>    programmes, one row per step (programme,name_nl,name_en,description_nl,
                                  description_en,step,phase_nl,phase_en,title_nl,title_en,prompt,offset_days)
  export signups --workshop <key> [--out file.csv]
                                  attendance list of one workshop (semicolons + BOM: opens in Dutch Excel)
  export broadcast-failures --broadcast <id> [--out file.csv]
                                  the messages of a broadcast that could not be delivered, with the reason
  seed demo                       a demo region: 3 municipalities, people, a learning week, klussen, prompts
  organization klus-channel <organization> <slack:<channel id>|off>
                                  the Slack channel where the organisation's new klussen are announced (the
                                  bot must be a member of it)
  role grant <person> <role>      give a role (employee|manager|hr); person = e-mail or slack:<id> / teams:<id>
  role revoke <person> <role>     take a role away
${SYNC_HELP}
${PRIVACY_HELP}
${NUDGE_HELP}
  migrate                         apply database migrations (start-up does this too)
  database url                    the running bot's database as postgresql://… (for pg_dump and psql)
  --help                          this text

CSV files: UTF-8 (with or without BOM), comma or semicolon separated, a header row. A file with any bad row is
rejected whole, with the bad rows listed by line number; importing the same file twice changes nothing.
While the bot runs on the embedded database, these commands are carried out by the running bot.`;

const ROLES: Record<string, Role> = { employee: 'EMPLOYEE', manager: 'MANAGER', hr: 'HR' };

/** Runs one admin command; returns the process exit code (0 ok, 1 failed, 2 usage). */
export async function runCommand(argv: string[], io: CliIo, deps: () => Promise<CliDeps>): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  const usage = (msg: string) => {
    io.err(`${msg}\nRun "vliegwiel --help" for the commands.`);
    return 2;
  };
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    io.out(HELP);
    return cmd ? 0 : 2;
  }
  try {
    switch (cmd) {
      case 'migrate': {
        const d = await deps();
        const applied = await d.migrate();
        io.out(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
        return 0;
      }
      case 'import': {
        const file = rest[0];
        if (!sub || !['people', 'workshops', 'klussen', 'prompts', 'programmes'].includes(sub) || !file) {
          return usage('usage: import people|workshops|klussen|prompts|programmes <file.csv>');
        }
        const content = await io.readFile(file);
        const d = await deps();
        let report: ImportReport;
        if (sub === 'people') report = await importPeople(d.people, content, d.now());
        else if (sub === 'workshops') report = await importWorkshops(d.workshopFiles, content, { timezone: d.timezone });
        else if (sub === 'prompts') report = await importPrompts(d.promptLibrary, content);
        else if (sub === 'programmes') report = await importProgrammes(d.promptLibrary, content);
        else report = await importKlussen(d.klusImport, content);
        await audit(d.audit, { actor: 'cli', action: `import.${sub}`, subject: file, details: report });
        io.out(formatReport(report));
        if (sub === 'people') {
          // People who left with this file give their seats and klus hands back, as erasure does.
          const released = await d.directory.releaseLeavers();
          if (released.seats || released.hands) io.out(`leavers: ${released.seats} workshop seats given back, ${released.hands} klus hands withdrawn`);
        }
        return 0;
      }
      case 'sync':
        return await syncCommand(sub, rest, io, deps);
      case 'export': {
        if (sub === 'broadcast-failures') {
          const id = option(rest, '--broadcast');
          if (!id) return usage('usage: export broadcast-failures --broadcast <id> [--out file.csv]');
          const d = await deps();
          const csv = await exportBroadcastFailures(d.broadcastFailures, id, d.timezone);
          const out = option(rest, '--out');
          await audit(d.audit, { actor: 'cli', action: 'export.broadcast-failures', subject: id });
          if (out) {
            await io.writeFile(out, csv);
            io.out(`written: ${out}`);
          } else io.out(csv.replace(/\r\n$/, ''));
          return 0;
        }
        const key = option(rest, '--workshop');
        if (sub !== 'signups' || !key) return usage('usage: export signups --workshop <key> [--out file.csv]');
        const d = await deps();
        const csv = await exportSignups(d.workshopFiles, key, d.timezone);
        const out = option(rest, '--out');
        await audit(d.audit, { actor: 'cli', action: 'export.signups', subject: key });
        if (out) {
          await io.writeFile(out, csv);
          io.out(`written: ${out}`);
        } else io.out(csv.replace(/\r\n$/, ''));
        return 0;
      }
      case 'seed': {
        if (sub !== 'demo') return usage('usage: seed demo');
        const d = await deps();
        for (const line of await seedDemo(d, { timezone: d.timezone, now: d.now() })) io.out(line);
        await audit(d.audit, { actor: 'cli', action: 'seed.demo' });
        return 0;
      }
      case 'privacy':
        return await privacyCommand(sub, rest, io, deps);
      case 'audit':
        return await auditCommand(argv.slice(1), io, deps);
      case 'campaign':
        return await campaignCommand(sub, rest, io, deps);
      case 'report':
        return await reportCommand(argv.slice(1), io, deps);
      case 'organization': {
        const [org, value] = rest;
        if (sub !== 'klus-channel' || !org || !value) return usage('usage: organization klus-channel <organization> <slack:<channel id>|off>');
        const setting = value === 'off' ? ({ ok: true, value: null } as const) : klusChannelSetting(value);
        if (!setting.ok) return usage(setting.reason);
        const d = await deps();
        const o = await setKlusChannel(d.organizations, org, setting.value);
        await audit(d.audit, { actor: 'cli', action: 'organization.klus-channel', subject: o.id, details: { channel: setting.value } });
        io.out(setting.value ? `${o.name}: new klussen are announced in ${setting.value}` : `${o.name}: new klussen are not announced in a channel`);
        return 0;
      }
      case 'role': {
        const [who, roleName] = rest;
        const role = ROLES[roleName?.toLowerCase() ?? ''];
        if ((sub !== 'grant' && sub !== 'revoke') || !who || !role) return usage('usage: role grant|revoke <person> <employee|manager|hr>');
        const d = await deps();
        const roles = await changeRole(d.people, who, role, sub === 'grant');
        // The subject is the person's id: an e-mail address in the trail would outlive an erasure.
        await audit(d.audit, { actor: 'cli', action: `role.${sub}`, subject: await findPersonId(d.people, who), details: { role } });
        io.out(`${who}: ${roles.map((r) => r.toLowerCase()).join(', ')}`);
        return 0;
      }
      default:
        return usage(`Unknown command: ${cmd}`);
    }
  } catch (e) {
    if (e instanceof CsvFileError) {
      io.err(`The file was not imported (nothing was stored). Fix these lines:\n${e.message}`);
      return 1;
    }
    if (e instanceof UnknownWorkshopError || e instanceof UnknownPersonError || e instanceof UnknownBroadcastError || e instanceof UnknownOrganizationError) {
      io.err(e.message);
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`File not found: ${(e as NodeJS.ErrnoException).path ?? ''}`);
      return 1;
    }
    throw e;
  }
}
