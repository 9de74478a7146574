/** `gridpass --version` (or `-v`) as the first argument: the version and nothing else, whatever follows. */
export function asksForVersion(args: readonly string[]): boolean {
  return args[0] === '--version' || args[0] === '-v';
}
