/**
 * The command line's arguments: `--name value`, `--name=value`, `--flag` and positionals, checked
 * against what each command accepts so that a typo is an error in Chinese, not an ignored option.
 */

/** An error the person at the keyboard can fix; the dispatcher prints its message and exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface ArgSpec {
  /** Options that take a value, without the dashes. */
  options?: readonly string[];
  /** Options without a value. */
  flags?: readonly string[];
  /** How many positionals the command takes. */
  positionals?: number;
}

export interface Args {
  options: Record<string, string>;
  flags: Set<string>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): Args {
  const args: Args = { options: {}, flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') args.positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.flags?.includes(name)) {
      if (inline !== undefined) throw new CliError(`选项 --${name} 不带值`);
      args.flags.add(name);
    } else if (spec.options?.includes(name)) {
      const value = inline ?? argv[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('--')) || value.trim() === '') {
        throw new CliError(`选项 --${name} 后面要写一个值`);
      }
      if (inline === undefined) i += 1;
      args.options[name] = value.trim();
    } else {
      throw new CliError(`不认识的选项：--${name}`);
    }
  }
  if (args.positionals.length > (spec.positionals ?? 0)) {
    throw new CliError(`多余的参数：${args.positionals.slice(spec.positionals ?? 0).join(' ')}`);
  }
  return args;
}

/** The value of a required option, or a CliError that says what to write. */
export function required(args: Args, name: string, what: string): string {
  const value = args.options[name];
  if (value === undefined) throw new CliError(`缺少 --${name} <${what}>`);
  return value;
}

/** A four-digit year, as `close`/`reopen` take it. */
export function yearArg(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new CliError(`年度“${text}”不对，请写四位年份，如 2023`);
  return Number(text);
}
