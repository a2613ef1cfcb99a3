/** What a command writes to: results on stdout, messages on stderr. Tests hand in collectors. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export type Command = (argv: readonly string[], io: Io) => Promise<number>;
