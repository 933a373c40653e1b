import { THEMES, type Theme } from './prompt.js';

// Workshop tags are free words (Dutch or English) chosen by whoever imports the workshops; these map the usual
// ones onto the themes of the prompt library, so a follow-up question is about what the workshop was about.
const TAG_THEMES: Record<string, Theme> = {
  zelfinzicht: 'self-insight',
  reflectie: 'self-insight',
  loopbaan: 'self-insight',
  talent: 'talent',
  talenten: 'talent',
  motivatie: 'talent',
  tekenen: 'talent',
  schrijven: 'talent',
  presenteren: 'talent',
  pitch: 'talent',
  vakmanschap: 'craft',
  kennis: 'craft',
  veiligheid: 'craft',
  privacy: 'craft',
  archiveren: 'craft',
  vak: 'craft',
  samenwerken: 'working-together',
  samenwerking: 'working-together',
  communicatie: 'working-together',
  leiderschap: 'working-together',
  'coachend leidinggeven': 'working-together',
  netwerken: 'working-together',
  vitaliteit: 'vitality',
  mentaal: 'vitality',
  stress: 'vitality',
  energie: 'vitality',
  gezondheid: 'vitality',
  werkplezier: 'vitality',
  verandering: 'change',
  veranderen: 'change',
  digitaal: 'change',
  innovatie: 'change',
  excel: 'change',
  teams: 'change',
  // English tags.
  'self-insight': 'self-insight',
  skills: 'craft',
  safety: 'craft',
  teamwork: 'working-together',
  leadership: 'working-together',
  wellbeing: 'vitality',
  vitality: 'vitality',
  change: 'change',
  digital: 'change',
};

/** The theme for a workshop's tags: the first tag that names one, else self-insight (the red thread). */
export function themeForTags(tags: readonly string[]): Theme {
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase();
    if ((THEMES as readonly string[]).includes(tag)) return tag as Theme;
    const theme = TAG_THEMES[tag];
    if (theme) return theme;
  }
  return 'self-insight';
}
