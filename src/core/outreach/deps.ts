import type { DownloadRepository } from '../downloads/download-repository.js';
import type { Clock, Logger } from '../ports.js';
import type { CoreSettings } from '../settings.js';
import type { PosterRenderer, PublicCatalogueRepository, SeatRequestRepository, TeamMembers } from './ports.js';
import type { ProxySignUp } from './proxy-signup.js';

/** What the outreach feature (poster, public page, seat requests) is given; nothing else. */
export interface OutreachDeps {
  catalogue: PublicCatalogueRepository;
  seatRequests: SeatRequestRepository;
  teamMembers: TeamMembers;
  downloads: DownloadRepository;
  renderPoster: PosterRenderer;
  proxySignUp: ProxySignUp;
  clock: Clock;
  logger: Logger;
  settings: CoreSettings;
}
