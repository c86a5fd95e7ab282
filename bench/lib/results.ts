/**
 * The shape of bench/results/latest.json: what each section measured, read back by the renderer
 * (bench/lib/report.ts). Sections may come from different runs (`--only`).
 */
import type { ExtractBench } from '../extract';
import type { IngestMeasure } from './setup';
import type { LoadResult } from './load';
import type { OpName, Targets } from './operations';

export type Section = 'ingest' | 'api' | 'scale';
export const SECTIONS: Section[] = ['ingest', 'api', 'scale'];

export interface Options {
  duration: number;
  connections: number[];
  repeats: number;
  sizes: number[];
  only: Set<string>;
  quick: boolean;
}

export type Variant = 'floor' | 'ours' | 'naive' | 'theirs';
export const VARIANTS: Variant[] = ['floor', 'ours', 'naive', 'theirs'];

export interface Cell {
  op: OpName;
  connections: number;
  variant: Variant;
  runs: LoadResult[];
}

export interface RunMeta {
  date: string;
  commit: string;
  options: Record<string, unknown>;
}

/** Where an entity-centred operation starts from: the best-connected entity or one of median degree. */
export type From = 'hub' | 'typical' | 'none';

export interface StartEntity {
  id: string;
  /** Typed relationships at this entity (one per (type, pair) in the issue 11 storage). */
  relationships: number;
  /** Distinct entities at the other end of them. */
  neighbours: number;
}

export interface ScaleLatency {
  op: OpName;
  from: From;
  /** NaN (null in JSON) when no request completed. */
  p50: number;
  p99: number;
  rps1: number;
  rps10: number;
}

export interface ApiResults {
  targets: Targets;
  ops: { name: OpName; label: string; theirsNote: string; depth: number; timed: boolean; statements: string[] }[];
  /** Cypher statements sent per request, ours (batched) and ours without batching. */
  roundTrips: { op: OpName; depth: number; batched: number; naive: number }[];
  responseBytes: Record<string, Partial<Record<Variant, number>>>;
  cells: Cell[];
  /** 1-minute load average at the start and the end of the section. */
  load: number[];
}

export interface IngestResults {
  seeds: IngestMeasure;
  /** Extraction alone: wall seconds and CPU seconds (user + system) of each pass. */
  extractOnly: { bytes: number; seconds: number[]; cpuSeconds?: number[] };
  /** bench/extract.ts run by the section (absent in results from before it did). */
  extractBench?: ExtractBench | null;
  load: number[];
}

export interface ScaleSize {
  docs: number;
  corpusBytes: number;
  ingest: IngestMeasure;
  cumulativeSeconds: number;
  graph: { entities: number; relations: number; mentions: number };
  hub?: StartEntity;
  typical?: StartEntity;
  latency: ScaleLatency[];
}

export interface ScaleResults {
  sizes: ScaleSize[];
  load: number[];
}

export interface Results {
  machine?: Record<string, string | number>;
  /** When and how each section was last measured (sections may come from different runs). */
  runs?: Partial<Record<Section, RunMeta>>;
  options?: Record<string, unknown>;
  ingest?: IngestResults;
  api?: ApiResults;
  scale?: ScaleResults;
}
