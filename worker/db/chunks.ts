/** D1 binds at most 100 parameters per query: look up long id lists in slices. */
export const D1_MAX_PARAMS = 100;

export async function inChunks<T, R>(values: readonly T[], lookup: (slice: T[]) => Promise<R[]>, size = D1_MAX_PARAMS - 10): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < values.length; i += size) results.push(...(await lookup(values.slice(i, i + size))));
  return results;
}
