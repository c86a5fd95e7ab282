/** Kept for relate/frames.ts, which still imports from here: the Arabic rules live in arabic.ts (import them from there). */
export * from './arabic';
