/** Monaco's TypeScript/JavaScript language worker, bundled by the app (no CDN). Loaded only when a JS model opens. */
import "monaco-editor/languages/features/typescript/ts.worker";
