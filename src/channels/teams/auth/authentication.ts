import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants, type BotFrameworkAuthentication, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Config } from '../../../config.js';
import { ClientCredentialsFactory, tokenEndpoint } from './token-client.js';

export type TeamsSettings = Config['teams'];

export interface TeamsAuthentication {
  auth: BotFrameworkAuthentication;
  /** False only for TEAMS_INSECURE_DEV without an app id: then no inbound token is asked for. */
  enabled: boolean;
}

/** The tenant outbound tokens are issued by: the bot's own tenant, or botframework.com for multi-tenant bots. */
const tokenTenant = (s: TeamsSettings) =>
  s.appType === 'SingleTenant' && s.tenantId ? s.tenantId : AuthenticationConstants.DefaultChannelAuthTenant;

function credentialsFactory(s: TeamsSettings): ServiceClientCredentialsFactory {
  if (s.appId && s.loginUrl && s.appType !== 'UserAssignedMSI') {
    return new ClientCredentialsFactory(
      s.appId,
      s.appPassword ?? '',
      tokenEndpoint(s.loginUrl, tokenTenant(s)),
      AuthenticationConstants.ToChannelFromBotOAuthScope,
    );
  }
  return new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: s.appId ?? '',
    MicrosoftAppPassword: s.appPassword ?? '',
    MicrosoftAppType: s.appType,
    MicrosoftAppTenantId: s.tenantId ?? '',
  });
}

/**
 * botbuilder's authentication for the configured bot. With no overrides it is Microsoft's public cloud. When
 * MICROSOFT_OPENID_METADATA_URL or MICROSOFT_LOGIN_URL is set, every endpoint is given explicitly: setting any one
 * of them switches botbuilder to a fully parameterised configuration in which an omitted value means "none".
 */
export function createAuthentication(s: TeamsSettings): TeamsAuthentication {
  const base = {
    MicrosoftAppId: s.appId ?? '',
    MicrosoftAppPassword: s.appPassword ?? '',
    MicrosoftAppType: s.appType,
    MicrosoftAppTenantId: s.tenantId ?? '',
  };
  const overridden = Boolean(s.openIdMetadataUrl || s.loginUrl);
  const loginAuthority = s.loginUrl
    ? tokenEndpoint(s.loginUrl, tokenTenant(s)).replace(/\/oauth2\/v2\.0\/token$/, '')
    : `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${tokenTenant(s)}`;
  const options = overridden
    ? {
        ...base,
        ToBotFromChannelOpenIdMetadataUrl: s.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
        // Emulator-style tokens are checked against the same keys, so nothing reaches out to Microsoft.
        ToBotFromEmulatorOpenIdMetadataUrl: s.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
        ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
        ValidateAuthority: true,
        CallerId: CallerIdConstants.PublicAzureChannel,
        ToChannelFromBotLoginUrl: loginAuthority,
        ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
        OAuthUrl: AuthenticationConstants.OAuthUrl,
      }
    : base;
  const auth = new ConfigurationBotFrameworkAuthentication(options, credentialsFactory(s));
  return { auth, enabled: Boolean(s.appId) };
}
