/**
 * Slack sends what people type with `&`, `<`, `>` escaped and with links and mentions in angle brackets
 * (`<https://x|x>`, `<mailto:a@b.nl|a@b.nl>`, `<#C1|general>`, `<@U123>`). The core wants the words as typed;
 * a user mention stays (the core drops a leading mention of the bot).
 */
export function fromSlackText(text: string): string {
  return text
    .replace(/<(?:https?:\/\/|mailto:)[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?:\/\/|mailto:)[^>]*)>/g, '$1')
    .replace(/<#[^|>]*\|([^>]*)>/g, '#$1')
    .replace(/<[#!][^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
