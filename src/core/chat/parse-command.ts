import type { Phrase } from '../feature.js';

/** A chat input understood as a command, or free text. */
export type ParsedInput = { kind: 'command'; name: string; args: string } | { kind: 'text'; text: string };

/**
 * Matches the start of the input against the phrases, longest first ("mijn gegevens" before "mijn"),
 * case-insensitively. A phrase that takes no argument must be the whole input.
 */
export function parseCommand(input: string, phrases: readonly Phrase[]): ParsedInput {
  // Slack wraps mentions in <...>; a leading mention of the bot is not part of the command.
  const text = input.replace(/^\s*<@[^>]+>\s*/, '').trim();
  // "Help!" and "mijn?" are the words help and mijn ("?" on its own stays a phrase); free text keeps its marks.
  const bare = text.replace(/(?<=[\p{L}\p{N}])[!?.]+$/u, '');
  const lower = bare.toLowerCase().replace(/\s+/g, ' ');
  const sorted = [...phrases].sort((a, b) => b.phrase.length - a.phrase.length);
  for (const p of sorted) {
    if (lower === p.phrase || lower.startsWith(`${p.phrase} `)) {
      const args = bare.slice(p.phrase.length).trim();
      if (p.takesArgs || args === '') return { kind: 'command', name: p.command, args };
    }
  }
  return { kind: 'text', text };
}
