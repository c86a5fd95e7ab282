// Placeholder until the serve command lands; owned by the helper building it.
export async function run(_args: string[]): Promise<number> {
  console.error('kg serve: not built yet');
  return 1;
}
