/** Kept for existing imports: the Arabic rules live in arabic.ts. */
export * from './arabic';
