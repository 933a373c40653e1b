import type { PageModule } from '../page.js';
import { broadcastsPage } from './broadcasts.js';
import { campaignsPage } from './campaigns.js';
import { homePage } from './home.js';
import { languageCheckPage } from './language.js';

/** Every page module of the console, in menu order. Add a new page here (docs/console.md). */
export const consolePages: PageModule[] = [homePage, broadcastsPage, campaignsPage, languageCheckPage];
