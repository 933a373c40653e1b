import type { PageModule } from '../page.js';
import { homePage } from './home.js';
import { workshopsPage } from './workshops.js';

/** Every page module of the console, in menu order. Add a new page here (docs/console.md). */
export const consolePages: PageModule[] = [homePage, workshopsPage];
