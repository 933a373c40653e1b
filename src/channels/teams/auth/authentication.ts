import { PUBLIC, withOverrides, type CloudEnvironment } from '@microsoft/teams.api';
import type { AppOptions, IPlugin } from '@microsoft/teams.apps';
import type { Config } from '../../../config.js';
import { InboundTokenValidator } from './inbound.js';
import { LoginUrlTokens } from './token-client.js';

export type TeamsSettings = Config['teams'];

/** The SDK options that say who the bot is and how it gets its tokens. */
export type CredentialOptions = Pick<AppOptions<IPlugin>, 'clientId' | 'clientSecret' | 'tenantId' | 'token' | 'managedIdentityClientId' | 'cloud'>;

export interface TeamsAuthentication {
  /** False only for TEAMS_INSECURE_DEV without an app id: then no inbound token is asked for. */
  enabled: boolean;
  appId: string;
  /** Microsoft's public cloud, with MICROSOFT_OPENID_METADATA_URL / MICROSOFT_LOGIN_URL as the SDK's overrides. */
  cloud: CloudEnvironment;
  /** Checks inbound tokens; undefined when authentication is off. */
  inbound: InboundTokenValidator | undefined;
  app: CredentialOptions;
  /** MSAL against MICROSOFT_LOGIN_URL, when it is set (the same provider the SDK was given as `token`). */
  loginTokens: LoginUrlTokens | undefined;
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');

/**
 * The Teams SDK's cloud and credentials for the configured bot. Outbound tokens come from the SDK's token
 * manager (MSAL, or a managed identity for UserAssignedMSI); with MICROSOFT_LOGIN_URL set they come from MSAL
 * against that URL (see LoginUrlTokens), handed to the SDK as its `token` option. Multi-tenant bots ask the
 * botframework.com tenant for tokens, single-tenant ones their own tenant.
 */
export function createAuthentication(s: TeamsSettings): TeamsAuthentication {
  const cloud = withOverrides(PUBLIC, {
    ...(s.openIdMetadataUrl ? { openIdMetadataUrl: s.openIdMetadataUrl } : {}),
    ...(s.loginUrl ? { loginEndpoint: trimSlash(s.loginUrl) } : {}),
  });
  const appId = s.appId ?? '';
  const tenantId = s.appType === 'SingleTenant' && s.tenantId ? s.tenantId : undefined;
  // Empty strings, not undefined: undefined would make the SDK read CLIENT_ID / CLIENT_SECRET from the environment.
  let app: CredentialOptions = { clientId: appId, clientSecret: '', cloud };
  let loginTokens: LoginUrlTokens | undefined;
  if (appId && s.appType === 'UserAssignedMSI') {
    app = { ...app, managedIdentityClientId: appId, ...(s.tenantId ? { tenantId: s.tenantId } : {}) };
  } else if (appId && s.loginUrl) {
    loginTokens = new LoginUrlTokens({ appId, appPassword: s.appPassword ?? '', loginUrl: s.loginUrl, tenant: tenantId ?? cloud.loginTenant });
    app = { ...app, token: loginTokens.provider, ...(tenantId ? { tenantId } : {}) };
  } else if (appId) {
    app = { ...app, clientSecret: s.appPassword ?? '', ...(tenantId ? { tenantId } : {}) };
  }
  const inbound = appId ? new InboundTokenValidator({ appId, openIdMetadataUrl: cloud.openIdMetadataUrl, issuer: cloud.tokenIssuer }) : undefined;
  return { enabled: Boolean(appId), appId, cloud, inbound, app, loginTokens };
}
