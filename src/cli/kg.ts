#!/usr/bin/env node
/**
 * The `kg` command. Each subcommand lives in its own module, loaded only when used so that
 * `kg extract` needs no database and starts fast.
 */
import 'reflect-metadata';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> }> = {
  extract: { summary: 'extract entities and relations from documents (.txt, .pdf, .docx, .html; no database): kg extract --json FILE...', load: () => import('./extract') },
  ingest: { summary: 'extract and write documents into Neo4j: kg ingest FILE_OR_FOLDER...', load: () => import('./ingest') },
  remove: { summary: 'take ingested documents back out: kg remove DOCUMENT_ID_OR_FILE...', load: () => import('./remove') },
  verify: { summary: 'report drift between the graph and a fresh ingest of its documents: kg verify [--repair]', load: () => import('./verify') },
  serve: { summary: 'serve the GraphQL API and playground: kg serve [--port N]', load: () => import('./serve') },
  up: { summary: 'the main job: local Neo4j up (unless NEO4J_URI), seeds ingested, API served', load: () => import('./up') },
  schema: { summary: 'write schema/schema.graphql from the code (--check: fail when it differs)', load: () => import('./schema') },
};

function usage(): string {
  return ['usage: kg <command> [options]', '', ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(8)} ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`kg: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return (await cmd.load()).run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`kg: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.KG_DEBUG && err instanceof Error) console.error(err.stack);
    process.exitCode = 1;
  },
);
