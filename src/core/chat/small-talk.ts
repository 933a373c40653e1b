/**
 * Greetings and thanks: answered kindly, never taken as a command or stored as an answer ("hoi" and "bedankt!"
 * once ended up in people's dossiers as answers to a question asked long before).
 */
export type SmallTalk = 'greeting' | 'thanks';

const GREETINGS = [
  'hoi', 'hallo', 'hai', 'hey', 'hee', 'hi', 'hello', 'hiya', 'yo', 'dag', 'daag', 'goedemorgen', 'goedemiddag',
  'goedenavond', 'morgen', 'moi', 'good morning', 'good afternoon', 'good evening', 'hallo daar', 'hi there',
];
const THANKS = [
  'bedankt', 'dank', 'dank je', 'dank je wel', 'dankjewel', 'dank u', 'dank u wel', 'dankuwel', 'thanks', 'thank you',
  'thx', 'ty', 'merci', 'top', 'super', 'mooi', 'fijn', 'prima', 'cool', 'great', 'nice', 'perfect', 'top bedankt',
  'super bedankt', 'thanks a lot', 'many thanks', '👍', '🙏', '🙂', '😊',
];

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[!.,?~\s]+/gu, ' ')
    .trim();

const greeting = new Set(GREETINGS);
const thanks = new Set(THANKS);

export function smallTalk(text: string): SmallTalk | null {
  const t = normal(text);
  if (thanks.has(t)) return 'thanks';
  if (greeting.has(t)) return 'greeting';
  // "hoi vliegwiel", "bedankt vliegwiel", "thanks bot"
  const [first, ...rest] = t.split(' ');
  if (rest.length === 1 && ['vliegwiel', 'bot'].includes(rest[0]!)) {
    if (thanks.has(first!)) return 'thanks';
    if (greeting.has(first!)) return 'greeting';
  }
  return null;
}
