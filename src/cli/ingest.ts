// Placeholder until the ingest command lands; owned by the helper building it.
export async function run(_args: string[]): Promise<number> {
  console.error('kg ingest: not built yet');
  return 1;
}
