/** The zod schema of one provider in a model list (`GET /api/models`, and the list a recording keeps). */
import * as z from "zod";

export const providerInfoSchema = z.object({
  name: z.string(),
  available: z.boolean(),
  reason: z.string().optional(),
  models: z.array(
    z.object({
      id: z.string(),
      label: z.string().optional(),
      price: z.object({ input: z.number(), output: z.number() }).optional(),
    }),
  ),
});
