import { spawn } from 'node:child_process';
import { FORM, postSigned } from '../test/channels/slack/support/slack-requests.js';
import { p99 } from './clicks.js';

/** A server in a process of its own that reads each request and answers 200 at once: no work, no Bolt. */
const SERVER = `
const http = require('node:http');
const s = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200); res.end(); }); });
s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));`;

/**
 * What the measurement itself costs: the same 200 signed click bodies, sent the same way, to a process that
 * answers at once. The difference to click_ack_p99_ms is the bot's.
 */
export async function ackFloor(bodies: string[]): Promise<number> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())));
    const url = `http://127.0.0.1:${port}/slack/events`;
    const ms: number[] = [];
    await Promise.all(
      bodies.map(async (body) => {
        const started = performance.now();
        const res = await postSigned(url, body, FORM);
        await res.arrayBuffer();
        ms.push(performance.now() - started);
      }),
    );
    return p99(ms);
  } finally {
    child.kill();
  }
}
