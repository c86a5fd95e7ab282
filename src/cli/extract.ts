// Placeholder until the extract command lands; owned by the helper building it.
export async function run(_args: string[]): Promise<number> {
  console.error('kg extract: not built yet');
  return 1;
}
