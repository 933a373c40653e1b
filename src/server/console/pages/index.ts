import type { PageModule } from '../page.js';
import { auditPageModule } from './audit.js';
import { broadcastsPage } from './broadcasts.js';
import { campaignsPage } from './campaigns.js';
import { homePage } from './home.js';
import { klussenPage } from './klussen.js';
import { languageCheckPage } from './language.js';
import { learningWeeksPage } from './learning-weeks.js';
import { peoplePageModule } from './people.js';
import { reportPageModule } from './report.js';
import { workshopsPage } from './workshops.js';

/** Every page module of the console, in menu order. Add a new page here (docs/console.md). */
export const consolePages: PageModule[] = [
  homePage, learningWeeksPage, workshopsPage, broadcastsPage, campaignsPage, peoplePageModule, klussenPage, reportPageModule, auditPageModule, languageCheckPage,
];
