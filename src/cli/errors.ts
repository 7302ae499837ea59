/** Exit codes (listed in `--help` and docs/feed-tool.md) and the one error type the commands throw. */
export const EXIT = {
  /** Done; for `validate`, the feed is usable. */
  ok: 0,
  /** The input is not a usable feed (whole-feed error, nothing to show; with --strict, any skipped record or warning). */
  unusable: 1,
  /** The command line is wrong (unknown command or option, missing input). */
  usage: 2,
  /** An input could not be read or an output could not be written (missing file, network, HTTP error, permissions). */
  io: 3,
  /** The converted feed did not read back as the same events (a bug: please report it with the input). */
  internal: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure a person can act on: one line of message, an optional hint line, and the exit code. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    public exitCode: ExitCode,
    message: string,
    public hint?: string,
  ) {
    super(message);
  }
}
