/**
 * Slow or greedy clients: a client sending its headers byte by byte (slow loris) or trickling its
 * body is cut by the header/request timeouts, idle keep-alive connections are closed, connections
 * over KG_MAX_CONNECTIONS are dropped, and KG_RATE_LIMIT answers 429 RATE_LIMITED with
 * Retry-After. Normal queries are answered afterwards.
 */
import * as net from 'net';
import { Harness, ok, startHarness } from './api-harness';

const NORMAL = '{ stats { entities } }';

function connect(url: string): Promise<net.Socket> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(u.port), u.hostname, () => resolve(s));
    s.once('error', reject);
  });
}

interface Trickle {
  /** ms from the first byte until the server closed the connection, or null if it never did. */
  closedAfter: number | null;
  /** Bytes the client managed to send. */
  sent: number;
  /** What the server answered before closing. */
  answer: string;
}

/** Sends `text` one byte every `everyMs`, for at most `maxMs`; reports when the server hangs up. */
async function trickle(url: string, text: string, everyMs: number, maxMs: number): Promise<Trickle> {
  const s = await connect(url);
  const started = Date.now();
  let closedAfter: number | null = null;
  let answer = '';
  s.on('data', (d: Buffer) => (answer += d.toString('utf8')));
  s.on('error', () => undefined); // a reset is a hang-up too
  const closed = new Promise<void>((resolve) => s.once('close', () => resolve()));
  s.once('close', () => (closedAfter = Date.now() - started));
  let sent = 0;
  while (closedAfter === null && Date.now() - started < maxMs) {
    if (sent < text.length && s.writable) {
      s.write(text[sent]);
      sent++;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  if (closedAfter === null) {
    s.destroy();
    await closed;
    return { closedAfter: null, sent, answer };
  }
  return { closedAfter, sent, answer };
}

describe('abuse: slow clients are cut by timeouts', () => {
  let h: Harness;
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env.KG_HEADERS_TIMEOUT_MS = '1500';
    process.env.KG_REQUEST_TIMEOUT_MS = '3000';
    process.env.KG_KEEPALIVE_TIMEOUT_MS = '1000';
    h = await startHarness();
  });
  afterAll(async () => {
    process.env = saved;
    await h?.close();
  });

  test('slow loris: headers sent byte by byte are cut by the header timeout', async () => {
    // Endless headers, one byte every 100 ms: without a timeout this would last the whole 15 s.
    const headers = `POST /graphql HTTP/1.1\r\nHost: localhost\r\n${Array.from({ length: 200 }, (_, i) => `X-Pad-${i}: ${'a'.repeat(20)}\r\n`).join('')}`;
    const t = await trickle(h.server.url, headers, 100, 15_000);
    expect(t.closedAfter).not.toBeNull();
    expect(t.closedAfter!).toBeLessThan(10_000);
    expect(t.sent).toBeLessThan(headers.length);
    expect(t.answer).toMatch(/^HTTP\/1\.1 408|^$/);
    expect(ok(await h.gql(NORMAL)).stats.entities).toBeGreaterThan(0);
  }, 30_000);

  test('a body trickled byte by byte is cut by the request timeout', async () => {
    const body = JSON.stringify({ query: NORMAL, variables: { pad: 'x'.repeat(2000) } });
    const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    const s = await connect(h.server.url);
    s.write(head);
    s.on('error', () => undefined);
    let answer = '';
    s.on('data', (d: Buffer) => (answer += d.toString('utf8')));
    const started = Date.now();
    let sent = 0;
    let closed = false;
    s.once('close', () => (closed = true));
    while (!closed && Date.now() - started < 15_000) {
      if (s.writable) s.write(body[sent++]);
      await new Promise((r) => setTimeout(r, 50));
    }
    s.destroy();
    expect(closed).toBe(true);
    expect(sent).toBeLessThan(body.length);
    expect(answer).not.toMatch(/"data"/);
    expect(ok(await h.gql(NORMAL)).stats.entities).toBeGreaterThan(0);
  }, 30_000);

  test('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const s = await connect(h.server.url);
    const closed = new Promise<number>((resolve) => {
      const started = Date.now();
      s.once('close', () => resolve(Date.now() - started));
    });
    s.resume(); // read the answer, else 'close' waits for it to be consumed
    s.write('GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n');
    let timer: NodeJS.Timeout | undefined;
    const after = await Promise.race([closed, new Promise<number>((r) => (timer = setTimeout(() => r(-1), 10_000)))]);
    clearTimeout(timer);
    s.destroy();
    expect(after).toBeGreaterThan(0);
  }, 20_000);
});

describe('abuse: connection cap and rate limit', () => {
  let h: Harness;
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env.KG_MAX_CONNECTIONS = '4';
    process.env.KG_RATE_LIMIT = '60';
    process.env.KG_RATE_BURST = '5';
    h = await startHarness();
  });
  afterAll(async () => {
    process.env = saved;
    await h?.close();
  });

  test('connections over KG_MAX_CONNECTIONS are dropped; once they close, clients are served again', async () => {
    const held = await Promise.all(Array.from({ length: 4 }, () => connect(h.server.url)));
    await new Promise((r) => setTimeout(r, 100));
    const extra = await connect(h.server.url);
    extra.resume();
    let timer: NodeJS.Timeout | undefined;
    const dropped = await new Promise<boolean>((resolve) => {
      extra.on('error', () => resolve(true));
      extra.once('close', () => resolve(true));
      extra.write('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
      timer = setTimeout(() => resolve(false), 3000);
    });
    clearTimeout(timer);
    extra.destroy();
    expect(dropped).toBe(true);
    for (const s of held) s.destroy();
    await new Promise((r) => setTimeout(r, 200));
    const res = await fetch(`${h.server.url}/health`);
    expect(res.status).toBe(200);
  });

  test('over KG_RATE_LIMIT a client gets 429 RATE_LIMITED with Retry-After; the probes stay open', async () => {
    // The previous test spent part of the burst: spend the rest, then one more is refused.
    const answers: number[] = [];
    let refused: Response | null = null;
    for (let i = 0; i < 8 && !refused; i++) {
      const res = await fetch(`${h.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: NORMAL }) });
      answers.push(res.status);
      if (res.status === 429) refused = res;
    }
    expect(refused).not.toBeNull();
    expect(answers.filter((s) => s === 200).length).toBeLessThanOrEqual(5);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused!.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/KG_RATE_LIMIT/);
    expect((await fetch(`${h.server.url}/health`)).status).toBe(200);
    // One token per second comes back (60 per minute).
    await new Promise((r) => setTimeout(r, 1100));
    expect(ok(await h.gql(NORMAL)).stats.entities).toBeGreaterThan(0);
  });
});
