/** The price table: what each LLM costs per 1,000 tokens, and when the price was read. */
import { z } from 'zod';
import { tokenPriceSchema } from '../../contract/budgets';

/**
 * A priced model: a Bedrock foundation model id (`amazon.nova-micro-v1:0`; its inference profiles
 * share its price) or an external LLM's model name (`gpt-4o-mini`).
 */
const pricedModelIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/, {
  error: 'must be a model id such as "amazon.nova-micro-v1:0" or "gpt-4o-mini"',
});

/** One model's price, with the day it was read from the provider's price list. */
const pricedModelSchema = tokenPriceSchema
  .extend({
    readOn: z.iso.date({ error: 'must be the ISO date (YYYY-MM-DD) the price was read from the provider' }),
  })
  .describe('US dollars per 1,000 tokens, and the day they were read from the provider.');

/** Prices by model id. */
export const pricesSchema = z
  .record(pricedModelIdSchema, pricedModelSchema)
  .default({})
  .describe(
    'Price per model id, in US dollars per 1,000 tokens: the cost metrics, the daily dollar budgets, and the input_cost/output_cost of external LLMs in Kong. Bedrock models are priced by their foundation model id.',
  );

/** The price table, after defaults. */
export type Prices = z.output<typeof pricesSchema>;
