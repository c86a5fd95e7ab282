// Placeholder until the up command lands; owned by the helper building it.
export async function run(_args: string[]): Promise<number> {
  console.error('kg up: not built yet');
  return 1;
}
