#!/usr/bin/env node
/**
 * Set-up behind the README's two commands (run by npm's prestart/pretest hooks, before the build):
 * finds what the machine lacks and installs it with apt-get (Debian/Ubuntu) when it can, as root
 * or through passwordless sudo; otherwise it stops at once with the one command to run.
 *
 *   node scripts/setup.js start|test [--dry-run]
 *
 * start: Java 17/21 for the local Neo4j, and Maven until Neo4j has been fetched once (.neo4j/lib);
 *        neither when NEO4J_URI points at a Neo4j you run yourself.
 * test:  the same, plus Chromium and an Arabic font (fonts-noto-core) for the browser and PDF tests
 *        (KG_CHROMIUM may name another Chromium).
 * KG_SETUP=skip does nothing; --dry-run (or KG_SETUP_DRY_RUN=1) prints what it would run.
 * Plain JavaScript with no dependencies: it runs before `npm run build`.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

/** `cmd` on PATH (as the shell would find it), or null. */
function which(cmd, env) {
  for (const dir of (env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

function run(cmd, args, env) {
  return spawnSync(cmd, args, { env, encoding: 'utf8', timeout: 60_000 });
}

/** Major version of the Java that scripts/neo4j would use (JAVA_HOME, else PATH), or null. */
function javaMajor(env) {
  const bin = env.JAVA_HOME && fs.existsSync(path.join(env.JAVA_HOME, 'bin', 'java')) ? path.join(env.JAVA_HOME, 'bin', 'java') : which('java', env);
  if (!bin) return null;
  const r = run(bin, ['-version'], env);
  const m = /version "(\d+)/.exec(`${r.stderr || ''}${r.stdout || ''}`);
  return m ? Number(m[1]) : 0;
}

function arabicFont(env) {
  if (which('fc-list', env)) {
    const r = run(which('fc-list', env), [':lang=ar', 'family'], env);
    if (r.status === 0) return r.stdout.trim() !== '';
  }
  const dirs = ['/usr/share/fonts', '/usr/local/share/fonts', path.join(env.HOME || '/nonexistent', '.local/share/fonts')];
  const walk = (d, depth) => {
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((e) => (e.isDirectory() ? depth < 4 && walk(path.join(d, e.name), depth + 1) : /Arab|Naskh|Kufi/i.test(e.name)));
  };
  return dirs.some((d) => walk(d, 0));
}

function debianVersion() {
  try {
    return /^VERSION_ID="?([\d.]+)/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

/** What the machine has, as far as the set-up cares. `root` is the project folder. */
function probe(env = process.env, root = path.join(__dirname, '..')) {
  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  const sudo = uid !== 0 && which('sudo', env) ? run(which('sudo', env), ['-n', 'true'], env).status === 0 : false;
  const apt = which('apt-get', env);
  let java17 = null;
  if (apt && which('apt-cache', env)) {
    const r = run(which('apt-cache', env), ['show', 'openjdk-17-jre-headless'], env);
    java17 = r.status === 0 && /Package:/.test(r.stdout);
  }
  const chromium = env.KG_CHROMIUM ? fs.existsSync(env.KG_CHROMIUM) : Boolean(which('chromium', env));
  const lib = path.join(root, '.neo4j', 'lib', '.complete');
  return {
    node: process.versions.node,
    ownNeo4j: Boolean(env.NEO4J_URI),
    java: javaMajor(env),
    maven: Boolean(which('mvn', env)),
    neo4jFetched: fs.existsSync(lib),
    chromium,
    arabicFont: arabicFont(env),
    root: uid === 0,
    sudo,
    apt: Boolean(apt),
    java17Available: java17 === null ? debianVersion() === '12' || debianVersion() === null : java17,
  };
}

/** The packages missing for `purpose` ('start' | 'test'), each with why it is needed. */
function plan(purpose, p) {
  const missing = [];
  if (!p.ownNeo4j) {
    if (p.java !== 17 && p.java !== 21) {
      const why = p.java ? `Neo4j 5.26 needs Java 17 or 21 (found Java ${p.java})` : 'Java 17/21 runs the local Neo4j';
      missing.push({ what: 'Java', why, pkg: p.java17Available ? 'openjdk-17-jre-headless' : 'openjdk-21-jre-headless' });
    }
    if (!p.neo4jFetched && !p.maven) missing.push({ what: 'Maven', why: 'fetches Neo4j from Maven Central, once', pkg: 'maven' });
  }
  if (purpose === 'test') {
    if (!p.chromium) missing.push({ what: 'Chromium', why: 'the browser tests and the test PDFs', pkg: 'chromium' });
    if (!p.arabicFont) missing.push({ what: 'an Arabic font', why: 'Chromium prints the Arabic test pages with it', pkg: 'fonts-noto-core' });
  }
  return missing;
}

/**
 * What to do about the missing packages: nothing, install (the commands to run), or stop with the
 * single command the user must run (no root, no passwordless sudo, or no apt-get).
 */
function decide(missing, p) {
  if (!missing.length) return { kind: 'ok' };
  const pkgs = missing.map((m) => m.pkg);
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...pkgs];
  const list = missing.map((m) => `  - ${m.what} (${m.pkg}): ${m.why}`).join('\n');
  if (!p.apt) {
    return {
      kind: 'stop',
      message: `set-up: this machine lacks:\n${list}\nand has no apt-get to install them: install them with your system's package manager (or set NEO4J_URI to a Neo4j you run, KG_CHROMIUM to a Chromium), then run the same npm command again.`,
    };
  }
  if (p.root || p.sudo) {
    const pre = p.root ? [] : ['sudo', '-n'];
    return { kind: 'install', list, commands: [[...pre, 'apt-get', 'update'], [...pre, ...install]] };
  }
  const cmd = `apt-get update && ${install.join(' ')}`;
  return {
    kind: 'stop',
    message: `set-up: this machine lacks:\n${list}\nInstalling them needs root. Run this once (it asks for the root password), then the same npm command again:\n\n  su -c '${cmd}'\n`,
  };
}

function main(argv) {
  const purpose = argv[0];
  if (purpose !== 'start' && purpose !== 'test') {
    console.error('usage: node scripts/setup.js start|test [--dry-run]');
    return 2;
  }
  if (process.env.KG_SETUP === 'skip') return 0;
  const p = probe();
  const [major, minor] = p.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`set-up: Node.js ${p.node} is older than 20.19, which the PDF reader (pdf.js) needs; install Node.js 20.19+ or 22 LTS`);
  }
  const action = decide(plan(purpose, p), p);
  if (action.kind === 'ok') return 0;
  if (action.kind === 'stop') {
    console.error(action.message);
    return 1;
  }
  const dry = argv.includes('--dry-run') || process.env.KG_SETUP_DRY_RUN === '1';
  console.error(`set-up: installing what \`npm ${purpose}\` needs:\n${action.list}`);
  for (const c of action.commands) {
    console.error(`set-up: ${dry ? 'would run' : 'running'}: ${c.join(' ')}`);
    if (dry) continue;
    const r = spawnSync(c[0], c.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) {
      console.error(`set-up: \`${c.join(' ')}\` failed (exit ${r.status ?? r.signal}); fix the message above, then run the same npm command again`);
      return 1;
    }
  }
  if (!dry) {
    const after = decide(plan(purpose, probe()), p);
    if (after.kind !== 'ok') {
      console.error('set-up: the packages were installed but are still not found (is another Java the default? point JAVA_HOME at /usr/lib/jvm/java-17-openjdk-* or java-21)');
      return 1;
    }
  }
  return 0;
}

module.exports = { probe, plan, decide, which };

if (require.main === module) process.exit(main(process.argv.slice(2)));
