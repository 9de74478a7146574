// Types for scripts/secret-sweep.mjs, so the TypeScript tests and fixtures can import it.
export interface FragmentIndex {
  windows: Set<string>;
  characters: Set<string>;
}

export const PLANTED_ALPHABET: string;
export const FRAGMENT_LENGTH: number;
export function foldCase(text: string): string;
export function fragmentIndex(uniqueParts: Iterable<string>): FragmentIndex;
export function findFragments(text: string, index: FragmentIndex): string[];
export function decodedLayers(text: string): string[];
export function readRegistry(registryDir: string | undefined): string[];
export function sweepForPlantedSecrets(output: string, dirs: string | readonly string[], registryDir?: string): string[];
