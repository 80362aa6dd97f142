/**
 * The upstream API key Kong sends to the regions: which generation is current, and which earlier
 * ones the regions still accept while Kong switches.
 */
import { z } from 'zod';

/** A label of an upstream API key generation. */
const UPSTREAM_KEY_LABEL = /^[A-Za-z0-9._:-]{1,64}$/;

/** The label of the first upstream key, which no configuration names (upstreamKeyRotation unset). */
export const INITIAL_UPSTREAM_KEY = 'initial';

/** The label of the current upstream key. */
export const upstreamKeyRotationSchema = z
  .string()
  .regex(UPSTREAM_KEY_LABEL, { error: 'must be a short label such as "2026-11" or "rotation-2"' })
  .optional()
  .describe('The label of the upstream API key Kong sends; a new label generates a new key on the next deploy. @default the initial key');

/** Earlier upstream keys the regions still accept. */
export const upstreamKeysAcceptedSchema = z
  .array(z.string().regex(UPSTREAM_KEY_LABEL, { error: `must be the label of an earlier key, or "${INITIAL_UPSTREAM_KEY}" for the first one` }))
  .max(2)
  .default([])
  .describe(`Labels of earlier upstream keys the regions still accept while Kong switches to the current one ("${INITIAL_UPSTREAM_KEY}" names the first key). Remove them once Kong sends the new key.`);
