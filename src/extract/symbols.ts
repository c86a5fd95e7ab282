/**
 * UN document symbols (A/HRC/32/41, S/PRST/2015/25, CTOC/COP/2012/1, E/CN.6/2007/2,
 * E/2002/68/Add.1) found in the original text.
 */

import { SYMBOL_SERIES as SERIES } from './vocab';

const CAND = /(?<![A-Za-z0-9/])[A-Z]{1,6}(?:\.\d+)?(?:\/[A-Za-z0-9.\-]+)+/g;

export interface FoundSymbol {
  symbol: string;
  start: number;
  end: number;
}

export function findSymbols(text: string): FoundSymbol[] {
  const out: FoundSymbol[] = [];
  CAND.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAND.exec(text))) {
    let s = m[0].replace(/[.\-]+$/, '');
    if (!SERIES.has(s.split('/')[0].replace(/\.\d+$/, ''))) continue;
    if (!/\d/.test(s)) continue;
    // "A/HRC/32/41 و Add.1": the addendum belongs to the same report, keep the main symbol.
    s = s.replace(/\/$/, '');
    out.push({ symbol: s, start: m.index, end: m.index + s.length });
  }
  return out;
}

export { symbolId } from './ids';
