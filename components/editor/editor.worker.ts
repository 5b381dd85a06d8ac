/** Monaco's core editor worker, bundled by the app (no CDN). */
import "monaco-editor/editor/editor.worker";
