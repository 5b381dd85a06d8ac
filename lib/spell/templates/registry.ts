/** The built-in templates, one per rs-llmspell category, in the order Template.list returns them. */
import { codeGenerator } from "./builtin/code-generator";
import { dataAnalysis } from "./builtin/data-analysis";
import { documentProcessor } from "./builtin/document-processor";
import { interactiveChat } from "./builtin/interactive-chat";
import { researchAssistant } from "./builtin/research-assistant";
import { workflowOrchestrator } from "./builtin/workflow-orchestrator";
import type { TemplateDefinition } from "./types";

export const BUILTIN_TEMPLATES: readonly TemplateDefinition[] = [
  researchAssistant,
  interactiveChat,
  dataAnalysis,
  codeGenerator,
  documentProcessor,
  workflowOrchestrator,
];
