/**
 * The README commands' set-up (scripts/setup.js) on a machine where the JDK, Maven and Chromium
 * are hidden from PATH: what it plans, what it runs (a stand-in apt-get records the call and
 * "installs" stand-in tools), and the single command it asks for when it cannot install.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const setup = require('../../scripts/setup.js') as {
  plan(purpose: string, p: Record<string, unknown>): { what: string; pkg: string }[];
  decide(missing: { pkg: string }[], p: Record<string, unknown>): { kind: string; commands?: string[][]; message?: string };
};

const bare = { node: '20.19.0', ownNeo4j: false, java: null, maven: false, neo4jFetched: false, chromium: false, arabicFont: false, root: false, sudo: false, apt: true, java17Available: true };

describe('the plan', () => {
  test('a bare Debian 12 needs Java 17, Maven, Chromium and an Arabic font for the tests; start needs no browser', () => {
    expect(setup.plan('test', bare).map((m) => m.pkg)).toEqual(['openjdk-17-jre-headless', 'maven', 'chromium', 'fonts-noto-core']);
    expect(setup.plan('start', bare).map((m) => m.pkg)).toEqual(['openjdk-17-jre-headless', 'maven']);
  });

  test('Debian 13 gets Java 21; Maven is not needed once Neo4j is fetched; nothing for Neo4j with NEO4J_URI', () => {
    expect(setup.plan('start', { ...bare, java17Available: false })[0].pkg).toBe('openjdk-21-jre-headless');
    expect(setup.plan('start', { ...bare, java: 17, neo4jFetched: true })).toEqual([]);
    expect(setup.plan('test', { ...bare, ownNeo4j: true }).map((m) => m.pkg)).toEqual(['chromium', 'fonts-noto-core']);
  });

  test('a Java other than 17/21 counts as missing', () => {
    expect(setup.plan('start', { ...bare, java: 11, maven: true })[0]).toMatchObject({ what: 'Java', pkg: 'openjdk-17-jre-headless' });
  });

  test('as root it installs, with passwordless sudo through sudo -n, else it stops with one command', () => {
    const missing = setup.plan('test', bare);
    expect(setup.decide(missing, { ...bare, root: true }).commands).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', '--no-install-recommends', 'openjdk-17-jre-headless', 'maven', 'chromium', 'fonts-noto-core'],
    ]);
    expect(setup.decide(missing, { ...bare, sudo: true }).commands?.[1].slice(0, 3)).toEqual(['sudo', '-n', 'apt-get']);
    const stop = setup.decide(missing, bare);
    expect(stop.kind).toBe('stop');
    expect(stop.message).toContain("su -c 'apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless maven chromium fonts-noto-core'");
    expect(setup.decide(missing, { ...bare, apt: false }).message).toMatch(/no apt-get/);
    expect(setup.decide([], bare).kind).toBe('ok');
  });
});

describe('scripts/setup.js with the JDK, Maven and Chromium hidden from PATH', () => {
  let clone: string;
  let bin: string;
  const log = () => path.join(clone, 'apt.log');

  beforeEach(() => {
    // A fresh clone: the script alone, no .neo4j (Neo4j never fetched).
    clone = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-setup-'));
    fs.mkdirSync(path.join(clone, 'scripts'));
    fs.copyFileSync(path.join(__dirname, '..', '..', 'scripts', 'setup.js'), path.join(clone, 'scripts', 'setup.js'));
    bin = path.join(clone, 'bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const script = (name: string, body: string) => fs.writeFileSync(path.join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    // Stand-ins: apt-get records its arguments and, on install, puts stand-in tools on PATH.
    script('apt-cache', 'echo "Package: $2"');
    script(
      'apt-get',
      `echo "$@" >> ${log()}
if [ "$1" = install ]; then
  printf '#!/bin/sh\\necho "openjdk version \\\\"17.0.13\\\\" 2024-10-15" >&2\\n' > ${bin}/java
  printf '#!/bin/sh\\n' > ${bin}/mvn; printf '#!/bin/sh\\n' > ${bin}/chromium
  /bin/chmod +x ${bin}/java ${bin}/mvn ${bin}/chromium
fi`,
    );
  });
  afterEach(() => fs.rmSync(clone, { recursive: true, force: true }));

  /** Runs the set-up; `asUser` drops root first (setpriv to nobody) when the tests run as root. */
  function runSetup(purpose: string, asUser = false) {
    const env: NodeJS.ProcessEnv = { PATH: bin, HOME: clone };
    const args = [path.join(clone, 'scripts', 'setup.js'), purpose];
    if (asUser && isRoot) {
      fs.chmodSync(clone, 0o755);
      return spawnSync('/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', path.join(bin, 'node'), ...args], { env, encoding: 'utf8' });
    }
    return spawnSync(path.join(bin, 'node'), args, { env, encoding: 'utf8' });
  }

  const isRoot = process.getuid?.() === 0;
  const canBeUser = !isRoot || fs.existsSync('/usr/bin/setpriv');

  (isRoot ? test : test.skip)('as root: apt-get installs Java, Maven and Chromium, then the check passes', () => {
    const r = runSetup('test');
    expect(r.stderr).toMatch(/installing what `npm test` needs/);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    const calls = fs.readFileSync(log(), 'utf8').trim().split('\n');
    expect(calls[0]).toBe('update');
    expect(calls[1]).toMatch(/^install -y --no-install-recommends openjdk-17-jre-headless maven chromium( fonts-noto-core)?$/);
  });

  (canBeUser ? test : test.skip)('not root and no sudo: stops at once with the single command to run, installs nothing', () => {
    const r = runSetup('test', true);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/su -c 'apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless maven chromium/);
    expect(fs.existsSync(log())).toBe(false);
  });

  test('start does not ask for Chromium', () => {
    const r = runSetup('start');
    const said = r.stderr + (fs.existsSync(log()) ? fs.readFileSync(log(), 'utf8') : '');
    expect(said).toMatch(/openjdk-17-jre-headless maven/);
    expect(said).not.toMatch(/chromium/);
  });
});
