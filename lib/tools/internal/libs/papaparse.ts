/** papaparse, imported statically here and lazily by csv-analyzer (see ajv.ts). */
import Papa from "papaparse";

export { Papa };
