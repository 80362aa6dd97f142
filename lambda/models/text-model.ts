/**
 * The runtime shape of the offline text kinds: `{"inputs": "<text>" | ["<text>", ...]}` in,
 * `{"model", "requestId", "results": [one prediction per input]}` out.
 */
import type { RequestLimits } from '../../contract/model-host';
import { textInputsSchema } from '../request';
import type { ModelRuntime } from './runtime';
import { boundText } from './text-bounds';

/** Builds a text-kind runtime from a prediction for one text. */
export function textModelRuntime<Prediction>(
  name: string,
  limits: RequestLimits,
  predict: (text: string) => Prediction,
): ModelRuntime<{ inputs: string | string[] }> {
  return {
    example: '{"inputs": "some text"}',
    shape: '{"inputs": string | string[]}',
    requestSchema: textInputsSchema(limits),
    async invoke(request, context) {
      const inputs = typeof request.inputs === 'string' ? [request.inputs] : request.inputs;
      // Bounded first, so no input costs more than linear time (see text-bounds.ts).
      const results = inputs.map((text) => predict(boundText(text)));
      return {
        body: { model: name, requestId: context.requestId, results },
        inputs: inputs.length,
        inputChars: inputs.reduce((n, t) => n + t.length, 0),
        outputChars: JSON.stringify(results).length,
        payload: { input: inputs, output: results },
      };
    },
  };
}
