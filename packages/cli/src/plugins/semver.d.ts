// The part of semver (no @types package in this workspace) that install-checks.ts uses.
declare module 'semver' {
  const semver: {
    validRange(range: string): string | null;
    satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
  };
  export default semver;
}
