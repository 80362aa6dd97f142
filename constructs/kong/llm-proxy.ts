import { Construct } from 'constructs';
import { KONG_PLUGINS, type KongEnvSecret } from '../../kong/facts';
import { KongPlugin } from './kong-plugin';
import { aiPromptGuardConfig, aiProxyConfig, type ExternalLlm, type PromptGuardPatterns } from './plugin-configs';

/** Properties of an {@link LlmProxy}. */
export interface LlmProxyProps {
  /** The route whose traffic goes to the provider. */
  readonly routeId: string;
  /** The external model. */
  readonly model: ExternalLlm;
  /** Prompt patterns ai-prompt-guard enforces. @default no prompt guard */
  readonly promptGuard?: PromptGuardPatterns;
  /** The provider credential, read by the Kong nodes from their environment (an env-vault reference). */
  readonly credential: KongEnvSecret;
  /** Tags of every entity. */
  readonly tags: readonly string[];
}

/**
 * Kong's AI Gateway on one route: `ai-proxy` sends the (OpenAI-format) request to the configured
 * provider and model with the provider credential, and `ai-prompt-guard` (when patterns are set)
 * refuses prompts before they leave. Both are open-source Kong plugins.
 */
export class LlmProxy extends Construct {
  /** The ai-proxy plugin. */
  readonly proxy: KongPlugin;
  /** The ai-prompt-guard plugin, when the model has patterns. */
  readonly promptGuard: KongPlugin | undefined;

  constructor(scope: Construct, id: string, props: LlmProxyProps) {
    super(scope, id);
    const routeScope = { routeId: props.routeId };
    this.proxy = new KongPlugin(this, `kong-plugin-${KONG_PLUGINS.aiProxy}`, {
      name: KONG_PLUGINS.aiProxy,
      config: aiProxyConfig(props.model, props.credential),
      scope: routeScope,
      tags: props.tags,
    });
    const guard = props.promptGuard;
    this.promptGuard =
      guard && (guard.allowPatterns.length > 0 || guard.denyPatterns.length > 0)
        ? new KongPlugin(this, `kong-plugin-${KONG_PLUGINS.aiPromptGuard}`, {
            name: KONG_PLUGINS.aiPromptGuard,
            config: aiPromptGuardConfig(guard, props.model.maxBodyBytes),
            scope: routeScope,
            tags: props.tags,
          })
        : undefined;
  }
}
