import { it } from 'vitest';
import { CookieClient, startConsoleBot } from './support/console-bot.js';
it('debug', async () => {
  const bot = await startConsoleBot();
  const hr = await bot.person(['HR']);
  const c = new CookieClient(bot.running.url);
  await c.get(await bot.linkFor(hr.user));
  const csrf = await c.csrf('/beheer/campaigns/new');
  const r = await c.post('/beheer/campaigns/new', { csrf, key: 'x-y', name: 'X', schedule: 'elke dinsdag om 07:00', hours: '07:00-15:00', action: 'workshops', inactive_weeks: '0', a_nl_text: 'Wij willen alle medewerkers van de buitendienst graag uitnodigen om in de komende weken mee te doen aan de leerweek.', a_nl_button: 'Bekijk', a_en_text: 'x', a_en_button: 'y', b_nl_text: '', b_nl_button: '', b_en_text: '', b_en_button: '' });
  const t = await r.text();
  console.log(r.status, r.headers.get('location'), t.slice(t.indexOf('<main'), t.indexOf('<main') + 1200));
  await bot.stop();
}, 60000);
