/** Configuration check: every model's deadlines fit its integration and the endpoint's idle limit. */
import { API_GATEWAY_LIMITS } from '../../contract/limits';
import type { ConfigIssue } from '../../core/errors';
import type { ConfigCheck } from './types';

/**
 * The time limits of a model, proven before synth:
 * - a buffered model answers within the 29 s integration timeout (its function timeout at most that);
 * - a streaming model's function may run up to what the pinned provider accepts for a STREAM
 *   integration (300 s), and its first byte must come before the endpoint cuts the idle stream (EDGE
 *   30 s, REGIONAL 300 s): a longer `streaming.firstTokenTimeoutSeconds` is refused, naming REGIONAL
 *   as the way to allow it; the wait for the first byte fits inside the function timeout;
 * After the first byte the host sends a keep-alive every 10 s (contract/chat.ts), under either limit.
 * - a fallback attempt's deadline fits inside the budget it is taken from (the function timeout, or
 *   for a stream its first-byte wait).
 */
export const modelTimingFitsEndpoint: ConfigCheck = ({ models, endpointType }) => {
  const endpoint = endpointType ?? 'EDGE';
  const idle = API_GATEWAY_LIMITS.streamIdleTimeoutSeconds[endpoint];
  return (models ?? []).flatMap((model, i): ConfigIssue[] => {
    if (model?.kind !== 'bedrock-chat') return [];
    const issues: ConfigIssue[] = [];
    const timeout = model.timeoutSeconds;
    const streaming = model.streaming;
    if (!streaming && timeout > API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds) {
      issues.push({
        path: ['models', i, 'timeoutSeconds'],
        problem: `a buffered model's answer must arrive within the ${API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds} s integration timeout; a longer function keeps running after the client got 504`,
        received: timeout,
        accepted: `at most ${API_GATEWAY_LIMITS.maxIntegrationTimeoutSeconds}, or a streaming section (streaming: {}) to stream answers for up to ${API_GATEWAY_LIMITS.maxStreamIntegrationTimeoutSeconds} s`,
      });
    }
    if (streaming) {
      const firstToken = streaming.firstTokenTimeoutSeconds;
      if (firstToken >= idle) {
        issues.push({
          path: ['models', i, 'streaming', 'firstTokenTimeoutSeconds'],
          problem: `a ${endpoint} endpoint cuts a stream that sends nothing for ${idle} s, and nothing is sent before the first byte`,
          received: firstToken,
          accepted:
            endpoint === 'EDGE'
              ? `less than ${idle}, or endpointType: REGIONAL (whose streams may idle for ${API_GATEWAY_LIMITS.streamIdleTimeoutSeconds.REGIONAL} s) for a model that may take longer to its first token`
              : `less than ${idle}`,
        });
      }
      if (firstToken >= timeout) {
        issues.push({
          path: ['models', i, 'streaming', 'firstTokenTimeoutSeconds'],
          problem: `the wait for the first byte must end before the function's timeout (${timeout} s), so that the host can still answer`,
          received: firstToken,
          accepted: `less than timeoutSeconds (${timeout})`,
        });
      }
    }
    const attempt = model.settings?.fallbacks?.attemptTimeoutSeconds;
    const budget = streaming ? streaming.firstTokenTimeoutSeconds : timeout;
    if (attempt !== undefined && attempt > budget) {
      issues.push({
        path: ['models', i, 'settings', 'fallbacks', 'attemptTimeoutSeconds'],
        problem: `one attempt may not outlast the request's budget (${streaming ? `streaming.firstTokenTimeoutSeconds, ${budget} s: a stream falls back only before its first byte` : `timeoutSeconds, ${budget} s`})`,
        received: attempt,
        accepted: `at most ${budget}`,
      });
    }
    return issues;
  });
};
