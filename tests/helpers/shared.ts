/**
 * The shared folder beside the repository (../shared: gold annotations and scorers). A clone
 * without it still passes `npm test`: the gold-based gates are skipped, and say so loudly.
 */
import * as fs from 'fs';
import * as path from 'path';

export const SHARED_DIR = process.env.KG_SHARED_DIR || path.join(__dirname, '..', '..', '..', 'shared');

export function sharedAvailable(): boolean {
  return fs.existsSync(path.join(SHARED_DIR, 'gold')) && fs.existsSync(path.join(SHARED_DIR, 'eval'));
}

/** `test` when ../shared is present; otherwise the test is skipped with a warning naming it. */
export function goldTest(name: string, fn: () => void | Promise<void>, timeout?: number): void {
  if (sharedAvailable()) {
    test(name, fn, timeout);
    return;
  }
  process.stderr.write(`\n*** SKIPPED (no gold): "${name}": ${SHARED_DIR} is missing; this quality gate did not run ***\n\n`);
  test.skip(`${name} [SKIPPED: ../shared missing]`, fn);
}
