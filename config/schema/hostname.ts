/**
 * A DNS hostname, the one format shared by the API domain and its zone, the Redis host and a
 * Terraform Enterprise host.
 */
import { z } from 'zod';

const HOSTNAME_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const hostnameSchema = z.string().regex(HOSTNAME_PATTERN, {
  error:
    'must be a lowercase DNS name with at least two labels, no trailing dot, labels of letters, digits and inner hyphens (e.g. "api.example.com")',
});
