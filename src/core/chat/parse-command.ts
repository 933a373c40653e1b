/** A chat input understood as a command; words are matched case-insensitively, Dutch first, English too. */
export type Command =
  | { name: 'help' }
  | { name: 'workshops'; args: string }
  | { name: 'my' }
  | { name: 'klussen'; args: string }
  | { name: 'post-klus' }
  | { name: 'reflect' }
  | { name: 'pause' }
  | { name: 'resume' }
  | { name: 'broadcast' }
  | { name: 'my-data' }
  | { name: 'dossier' }
  | { name: 'language'; args: string }
  | { name: 'text'; text: string };

// Longest phrases first, so "mijn gegevens" wins over "mijn".
const PHRASES: [string, Command['name']][] = [
  ['mijn gegevens', 'my-data'],
  ['my data', 'my-data'],
  ['mijn dossier', 'dossier'],
  ['my dossier', 'dossier'],
  ['klus plaatsen', 'post-klus'],
  ['post job', 'post-klus'],
  ['post a job', 'post-klus'],
  ['help', 'help'],
  ['hulp', 'help'],
  ['?', 'help'],
  ['workshops', 'workshops'],
  ['workshop', 'workshops'],
  ['mijn', 'my'],
  ['my', 'my'],
  ['klussen', 'klussen'],
  ['klus', 'klussen'],
  ['jobs', 'klussen'],
  ['reflectie', 'reflect'],
  ['reflect', 'reflect'],
  ['pauze', 'pause'],
  ['pause', 'pause'],
  ['start', 'resume'],
  ['resume', 'resume'],
  ['omroep', 'broadcast'],
  ['broadcast', 'broadcast'],
  ['taal', 'language'],
  ['language', 'language'],
];

const WITH_ARGS = new Set<Command['name']>(['workshops', 'klussen', 'language']);

export function parseCommand(input: string): Command {
  // Slack wraps mentions and links in <...>; a leading mention of the bot is not part of the command.
  const text = input.replace(/^\s*<@[^>]+>\s*/, '').trim();
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  for (const [phrase, name] of PHRASES) {
    if (lower === phrase || lower.startsWith(`${phrase} `)) {
      const args = text.slice(phrase.length).trim();
      if (WITH_ARGS.has(name)) return { name, args } as Command;
      if (args === '') return { name } as Command;
    }
  }
  return { name: 'text', text };
}
