/**
 * Runs a command-line entry point so that a user's mistake prints a plain message and a non-zero
 * exit, never a stack trace. Only errors that are not {@link GatewayError}s (bugs) show a trace.
 */
import { GatewayError, usageError } from '../core/errors';
import { maskSecrets } from '../core/secrets';

/** Runs `main`, reporting failures on stderr and through the exit code. */
export function runCli(main: () => void): void {
  try {
    main();
  } catch (err) {
    reportFailure(err);
  }
}

/** Runs an asynchronous `main` the same way: a rejection is reported like a thrown error. */
export function runCliAsync(main: () => Promise<void>): void {
  try {
    main().catch(reportFailure);
  } catch (err) {
    reportFailure(err);
  }
}

/**
 * Reports a failure of an entry point: a user's mistake as its plain message, a bug with its trace;
 * the exit code becomes 1. For failures that arrive later (a server's `error` event) as well.
 */
export function reportFailure(err: unknown): void {
  process.exitCode = 1;
  if (err instanceof GatewayError) {
    // Messages may quote what the user gave; nothing secret-looking reaches a log in clear.
    console.error(`\n${maskSecrets(err.message)}\n`);
  } else {
    console.error('\nUnexpected error: this is a bug in global-ai-gateway, please report it with the trace below.\n');
    console.error(err);
  }
}

/** Where the app writes: `--output <dir>` (or `-o`), else CDKTF_OUTDIR (set by the cdktf CLI), else cdktf.out. */
export function outputDirectory(args: readonly string[], env: NodeJS.ProcessEnv): string {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--output' || arg === '-o') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('-')) throw usageError(`${arg} needs a directory, e.g. ${arg} cdktf.out.staging`);
      return value;
    }
    if (arg.startsWith('--output=')) return arg.slice('--output='.length);
    throw usageError(`unknown argument ${JSON.stringify(arg)}; the app takes only --output <dir>`);
  }
  return env['CDKTF_OUTDIR'] || 'cdktf.out';
}
