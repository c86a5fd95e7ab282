// Placeholder until the schema command lands; owned by the helper building it.
export async function run(_args: string[]): Promise<number> {
  console.error('kg schema: not built yet');
  return 1;
}
