import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A chat API on 127.0.0.1 that HttpSender posts to: records every delivery by idempotency key and answers after
 * `delayMs`, so that messages are really in flight when a worker is killed.
 */
export async function fakeChatApi(delayMs = 0) {
  const deliveries = new Map<string, number>();
  let total = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const { key } = JSON.parse(body) as { key: string };
      setTimeout(() => {
        deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
        total++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ts: String(total) }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deliveries,
    get total() {
      return total;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
