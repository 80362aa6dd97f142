/**
 * Runs a command-line entry point so that a user's mistake prints a plain message and a non-zero
 * exit, never a stack trace. Only errors that are not {@link GatewayError}s (bugs) show a trace.
 */
import { GatewayError } from './errors';

/** Runs `main`, reporting failures on stderr and through the exit code. */
export function runCli(main: () => void): void {
  try {
    main();
  } catch (err) {
    process.exitCode = 1;
    if (err instanceof GatewayError) {
      console.error(`\n${err.message}\n`);
    } else {
      console.error('\nUnexpected error: this is a bug in global-ai-gateway, please report it with the trace below.\n');
      console.error(err);
    }
  }
}
