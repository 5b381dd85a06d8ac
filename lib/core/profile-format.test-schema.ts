/**
 * The shape of speedscope's file format (https://www.speedscope.app/file-format-schema.json, as
 * src/lib/file-format-spec.ts in jlfwong/speedscope defines it), for the tests that check what we write.
 */
import * as z from "zod";

const frame = z.object({
  name: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  col: z.number().optional(),
});

const unit = z.enum(["none", "nanoseconds", "microseconds", "milliseconds", "seconds", "bytes"]);

const evented = z.object({
  type: z.literal("evented"),
  name: z.string(),
  unit,
  startValue: z.number(),
  endValue: z.number(),
  events: z.array(z.object({ type: z.enum(["O", "C"]), at: z.number(), frame: z.number().int().nonnegative() })),
});

export const speedscopeFileSchema = z
  .object({
    $schema: z.literal("https://www.speedscope.app/file-format-schema.json"),
    shared: z.object({ frames: z.array(frame) }),
    profiles: z.array(evented),
    name: z.string().optional(),
    activeProfileIndex: z.number().optional(),
    exporter: z.string().optional(),
  })
  .superRefine((file, ctx) => {
    // Every event names a frame, and each profile's events open and close like a stack within its range.
    for (const p of file.profiles) {
      const open: number[] = [];
      for (const e of p.events) {
        if (e.frame >= file.shared.frames.length) ctx.addIssue({ code: "custom", message: `no frame ${e.frame}` });
        if (e.at < p.startValue || e.at > p.endValue) ctx.addIssue({ code: "custom", message: `event at ${e.at}` });
        if (e.type === "O") open.push(e.frame);
        else if (open.pop() !== e.frame) ctx.addIssue({ code: "custom", message: `unbalanced close of ${e.frame}` });
      }
      if (open.length) ctx.addIssue({ code: "custom", message: "frames left open" });
    }
  });
