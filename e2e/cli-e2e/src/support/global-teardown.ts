/** Each test file removes what it creates; nothing global to undo yet. */
export default async function globalTeardown(): Promise<void> {}
