/** Facts about Terraform itself that the synthesized stacks depend on. */

/**
 * The Terraform every stack needs: the S3 backend's `use_lockfile` (prod's state locking) first
 * shipped in 1.10.0 as experimental and became generally available in 1.11.0 (hashicorp/terraform
 * CHANGELOG.md at v1.10.0 line 36 and v1.11.0 line 10). The other features the stacks use are older:
 * the `cloud` block (1.1), `sensitive()` (0.15). The tests run 1.11.
 */
export const TERRAFORM_REQUIRED_VERSION = '>= 1.11.0';
