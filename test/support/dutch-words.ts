/**
 * Common Dutch words that are not English words (so "is", "in", "we", "even", "team", "dossier", "workshop" are
 * not here), including the words of the bot's own Dutch buttons and menus. Found as whole words, any case.
 */
const DUTCH = `
de het een je jij jou jouw jullie niet geen van voor met naar bij ook maar nog wordt worden zijn kan kun kunt
wil wilt deze dit dat wat hoe waar wanneer welke wie ons onze uw er om op aan uit tot dan als ze hij zij wij
ik mij mijn heb hebt heeft hebben moet moeten zal zullen mag kies typ knop knoppen vraag vragen antwoord
aanmelden afmelden aangemeld afgemeld inschrijven ingeschreven bekijk bewaar bewaren verstuur versturen
verstuurd klaar terug volgende vorige gegevens hulp alle alleen graag dank bedankt nieuw nieuwe dag dagen
morgen vandaag gisteren uur uren collega collega's collega’s medewerker medewerkers leidinggevende wachtlijst
ja nee pauze ontvangers omroep beheer programma ritme doel leeg nadenken klus klussen doe mee overslaan
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart mei juni juli augustus oktober
elke keer keren plaats plaatsen plekken vol bevestig annuleer sluiten opslaan wijzigen verwijderen wissen
aanbod bericht berichten iets niets alles iemand niemand goed fout verder eigen zelf samen weken
`.trim().split(/\s+/);

const WORD = new RegExp(`(?<![\\p{L}\\p{N}_-])(${DUTCH.map((w) => w.replace(/'/g, "['’]")).join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');

/**
 * The Dutch words in a text meant for an English reader. `data` are strings HR or the demo typed (workshop
 * titles, names, departments): they are shown as typed, in whatever language, and are left out first. URLs,
 * placeholders and quoted command words («“mijn”») are left out too.
 */
export function dutchWordsIn(text: string, data: readonly string[] = []): string[] {
  return [...withoutData(text, data).matchAll(WORD)].map((m) => m[1]!.toLowerCase());
}

/** The text with typed data, URLs, placeholders and e-mail addresses left out: what the product itself wrote. */
export function withoutData(text: string, data: readonly string[] = []): string {
  let t = withoutClipped(text, data);
  for (const d of [...data].filter((s) => s.trim().length > 2).sort((a, b) => b.length - a.length)) t = t.split(d).join(' ');
  return t.replace(/https?:\/\/\S+/g, ' ').replace(/\{[^}]*\}/g, ' ').replace(/[\w.+-]+@[\w.-]+/g, ' ');
}

/** Data shown clipped ("Je werkt samen met het…"): the longest run before an ellipsis that begins a data string. */
function withoutClipped(text: string, data: readonly string[]): string {
  let t = text;
  for (let at = t.indexOf('…'); at >= 0; at = t.indexOf('…', at + 1)) {
    for (let start = Math.max(0, at - 400); start < at - 7; start++) {
      const head = t.slice(start, at).trim();
      if (head.length >= 8 && data.some((d) => d.startsWith(head))) {
        t = `${t.slice(0, start)} ${t.slice(at + 1)}`;
        at = start;
        break;
      }
    }
  }
  return t;
}
