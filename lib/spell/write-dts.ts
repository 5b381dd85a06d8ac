/** Regenerate `lib/spell/spell-api.d.ts` from the reference: `npx tsx lib/spell/write-dts.ts`. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderSpellApiDts } from "./dts";

const target = fileURLToPath(new URL("./spell-api.d.ts", import.meta.url));
writeFileSync(target, renderSpellApiDts());
console.log(`wrote ${target}`);
