import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { anOrganization } from '../support/builders.js';
import { cli } from '../support/cli.js';
import { testEmbedded } from '../support/db.js';

describe('vliegwiel organization klus-channel', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testEmbedded();
    await anOrganization(db, 'Gemeente Dordrecht');
  });
  afterAll(async () => db?.close());

  const stored = async () => (await db.prisma.organization.findFirstOrThrow({ where: { name: 'Gemeente Dordrecht' } })).klusChannel;

  it('sets a Slack channel by the organisation’s name or key, clears it with off, and records who did', async () => {
    expect(await cli(db, ['organization', 'klus-channel', 'Gemeente Dordrecht', 'slack:C0KLUSSEN'])).toMatchObject({
      code: 0,
      stdout: 'Gemeente Dordrecht: new klussen are announced in slack:C0KLUSSEN',
    });
    expect(await stored()).toBe('slack:C0KLUSSEN');
    expect((await cli(db, ['organization', 'klus-channel', 'gemeente-dordrecht', 'slack:G0PRIVATE1'])).code).toBe(0);
    expect(await stored()).toBe('slack:G0PRIVATE1');
    expect((await cli(db, ['organization', 'klus-channel', 'gemeente dordrecht', 'off'])).stdout).toBe('Gemeente Dordrecht: new klussen are not announced in a channel');
    expect(await stored()).toBeNull();
    const trail = await db.prisma.auditLog.findMany({ where: { action: 'organization.klus-channel' }, orderBy: { at: 'asc' } });
    expect(trail.map((t) => t.details)).toEqual([{ channel: 'slack:C0KLUSSEN' }, { channel: 'slack:G0PRIVATE1' }, { channel: null }]);
  });

  it('explains a channel it cannot use or an unknown organisation, and changes nothing', async () => {
    await cli(db, ['organization', 'klus-channel', 'Gemeente Dordrecht', 'slack:C0KLUSSEN']);
    for (const bad of ['#klussen', 'C0KLUSSEN', 'slack:klussen', 'slack:U0PERSON1']) {
      const r = await cli(db, ['organization', 'klus-channel', 'Gemeente Dordrecht', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('slack:<channel id>');
    }
    const teams = await cli(db, ['organization', 'klus-channel', 'Gemeente Dordrecht', 'teams:19:abc123@thread.tacv2']);
    expect(teams).toMatchObject({ code: 2, stderr: expect.stringContaining('Slack channels only') });
    const unknown = await cli(db, ['organization', 'klus-channel', 'Gemeente Nergenshuizen', 'slack:C0OTHER1']);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('No organisation "Gemeente Nergenshuizen"') });
    expect((await cli(db, ['organization', 'klus-channel'])).code).toBe(2);
    expect(await stored()).toBe('slack:C0KLUSSEN');
  });
});
