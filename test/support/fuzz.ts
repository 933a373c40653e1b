/**
 * A small seeded random source for fuzz tests (fast-check is not a dependency). The seed is printed by the
 * tests on failure, so a failing run can be replayed exactly with FUZZ_SEED=<seed>.
 */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** mulberry32: tiny, fast and good enough to spread inputs; not for secrets. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  bool(p = 0.5): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Text people really type, and text that breaks careless renderers. */
  text(maxLength = 200): string {
    const parts: string[] = [];
    const target = this.int(0, maxLength);
    while (parts.join('').length < target) parts.push(this.pick(HOSTILE_PIECES)(this));
    return parts.join('').slice(0, Math.max(target, 1));
  }

  /** Any JSON value, nested a few levels, with hostile strings and odd numbers. */
  json(depth = 3): unknown {
    const kind = this.int(0, depth > 0 ? 7 : 4);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.bool();
      case 2:
        return this.pick([0, -1, 1e308, -0, 3.14, Number.MAX_SAFE_INTEGER + 2, 42]);
      case 3:
      case 4:
        return this.text(60);
      case 5:
      case 6:
        return Array.from({ length: this.int(0, 4) }, () => this.json(depth - 1));
      default:
        return Object.fromEntries(Array.from({ length: this.int(0, 5) }, () => [this.pick(KEYS), this.json(depth - 1)]));
    }
  }

  /** A copy of `value` with one to three random changes deep inside: a field dropped, retyped or replaced. */
  mutate<T>(value: T, times = this.int(1, 3)): unknown {
    let v: unknown = structuredClone(value);
    for (let i = 0; i < times; i++) v = this.mutateOnce(v);
    return v;
  }

  private mutateOnce(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return this.bool(0.7) ? this.json(1) : v;
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 0 || this.bool(0.15)) return this.json(2);
    const key = this.pick(keys);
    const roll = this.next();
    if (roll < 0.25) delete obj[key];
    else if (roll < 0.5) obj[key] = this.json(2);
    else obj[key] = this.mutateOnce(obj[key]);
    return obj;
  }

  /** Bytes that are not what anyone promised: binary, truncated, invalid UTF-8. */
  bytes(max = 300): Buffer {
    return Buffer.from(Array.from({ length: this.int(0, max) }, () => this.int(0, 255)));
  }
}

const KEYS = ['type', 'user', 'id', 'text', 'value', 'actions', 'action_id', 'team', 'channel', 'event', 'payload', 'view', 'data', 'verb', 'from', 'conversation', '__proto__', 'constructor'];

const HOSTILE_PIECES: ((r: Random) => string)[] = [
  () => 'workshops ',
  () => 'Aanmelden ',
  () => '😀👩🏽‍💻🇳🇱',
  () => 'مرحبا بالعالم ',
  () => 'שלום ',
  () => '\u202Egnp.exe\u202C',
  () => '<@U123> ',
  () => '<!channel> <!here> ',
  () => '*vet* _schuin_ ~weg~ `code` ',
  () => '# kop\n- lijst\n> citaat\n',
  () => '[link](https://evil.example) <https://evil.example|klik>',
  () => '<script>alert(1)</script>',
  () => '&amp; &lt; & < > " \' ',
  () => '\u0000\u0007\u001b[31m\u0008',
  () => '\r\n\t',
  () => '\uD800',
  () => '{{name}} {0} %s ${x}',
  () => "'; DROP TABLE \"Person\"; --",
  () => 'a'.repeat(500),
  (r) => String.fromCharCode(r.int(0x20, 0x2fff)),
  (r) => r.pick(['help', 'mijn', 'klussen', 'doel ', 'reflectie', 'mijn gegevens', 'pauze', 'start', 'taal en', 'omroep', 'rapport']),
];

/** The seed of this run: FUZZ_SEED when set (to replay a failure), otherwise fixed so CI runs are repeatable. */
export const fuzzSeed = (fallback: number) => Number(process.env.FUZZ_SEED ?? fallback);
