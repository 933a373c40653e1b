import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage } from '../../scripts/teams-package.js';

const APP_ID = '6f1c1e9a-2b7d-4c1e-9a55-3c2f0d9e8b71';

describe('Teams manifest: the Beheer tab', () => {
  it('has a personal static tab under <PUBLIC_URL>/beheer and the SSO resource api://<host>/<app id>, and still validates', async () => {
    const { manifest } = await buildTeamsPackage(APP_ID, 'https://leren.gemeente.nl');
    const m = manifest as unknown as AppManifest & { staticTabs: { contentUrl: string; scopes: string[] }[]; webApplicationInfo: { id: string; resource: string } };
    expect(m.staticTabs[0]!.scopes).toEqual(['personal']);
    expect(m.staticTabs[0]!.contentUrl.startsWith('https://leren.gemeente.nl/beheer')).toBe(true);
    expect(m.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://leren.gemeente.nl/${APP_ID}` });
    expect(m.validDomains).toContain('leren.gemeente.nl');
    expect(await AppManifestUtils.validateAgainstSchema(m)).toEqual([]);
  });
});
