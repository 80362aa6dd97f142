/** The environment's names: the application (`app`) and the environment itself. */
import { z } from 'zod';

/** An environment name: also a file name in `config/`, a stage name and part of every stack name. */
export const ENVIRONMENT_NAME_PATTERN = /^[a-z][a-z0-9]{0,11}$/;

/** The application name every stack and resource name starts with. */
export const appSchema = z
  .string()
  .regex(/^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){1,15}$/, {
    error:
      'must be 2-16 characters of lowercase letters, digits and single hyphens, starting with a letter (e.g. "aigw")',
  })
  .describe('Short application name; prefixes every stack and resource name.');

/** The environment name, as written in the file. */
export const environmentSchema = z
  .string()
  .regex(ENVIRONMENT_NAME_PATTERN, {
    error: 'must be 1-12 lowercase letters and digits, starting with a letter (e.g. "dev", "prod")',
  })
  .describe('Environment name; the stage name and part of every stack name. Must match the file name.');
