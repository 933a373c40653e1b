import { broadcast } from './broadcast.js';
import { clicks } from './click-figures.js';
import { signupRace } from './signup-race.js';
import { directorySync } from './directory-sync.js';
import { consolePages } from './console-pages.js';

// Benchmarks print `name: value unit` lines; they measure, they do not pass or fail.
const benches: Record<string, () => Promise<void>> = { signupRace, clicks, broadcast, directorySync, consolePages };
const only = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`# ${name}\n`);
  await run();
}
