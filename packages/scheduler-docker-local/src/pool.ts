/**
 * GNU parallel's `--jobs N --halt soon,fail=1`, which Dokku uses for process types and for the
 * instances of one type: at most `limit` tasks at once; after the first failure no new task
 * starts, the running ones finish, and the first error is thrown.
 */
export async function runPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  if (failure) throw failure.error;
}
