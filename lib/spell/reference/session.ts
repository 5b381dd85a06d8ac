/** The reference of Session, Artifact and SessionBuilder (spread into SPELL_API_REFERENCE). */
import type { ApiClassDoc, ApiGlobalDoc } from "../reference-types";
import { fn, method } from "./build";
import type { NamedType } from "./types";

const A = { async: true } as const;

export const SESSION_TYPES: NamedType[] = [
  {
    name: "SessionInfo",
    definition:
      '{ id: string; name?: string; description?: string; tags: string[]; status: "active" | "suspended" | "completed" | "failed" | "archived"; created_at: string; updated_at: string; parent_session_id?: string; custom_metadata: { [key: string]: JsonValue } }',
    description: "A session as rs-llmspell describes it.",
  },
  {
    name: "ArtifactId",
    definition: "{ content_hash: string; session_id: string; sequence: number }",
    description: "What Artifact.store returns: the SHA-256 of the content, the session, the sequence number.",
  },
  {
    name: "ArtifactMetadata",
    definition:
      "{ name: string; description?: string; artifact_type: string; mime_type: string; size: number; tags: string[]; custom: { [key: string]: JsonValue }; version: number; created_at: string; created_by?: string; parent_artifact?: string; is_compressed: boolean; original_size?: number }",
    description:
      'An artifact\'s metadata; `artifact_type` reads as rs-llmspell prints it (`AgentOutput`, `ToolResult`, `UserInput`, `SystemGenerated`, `Custom("x")`).',
  },
  {
    name: "ArtifactQuery",
    definition:
      "{ session_id?: string; type?: string; name_pattern?: string; tags?: string[]; created_after?: string; created_before?: string; min_size?: number; max_size?: number; limit?: number }",
    description: "Filters of Artifact.query (`name_pattern` may use `*`; dates are RFC 3339).",
  },
];

export const SESSION_GLOBALS: ApiGlobalDoc[] = [
  {
    name: "Session",
    description:
      "rs-llmspell's sessions: named, tagged units of work that hold artifacts. Ids are UUID strings; sessions persist where State does. A session is active, suspended or completed.",
    functions: [
      fn(
        "create",
        "options?: { name?: string; description?: string; tags?: string[]; metadata?: { [key: string]: JsonValue }; parent_session_id?: string }",
        "string",
        "Create an active session; returns its id.",
        {
          ...A,
          lua: 'local id = Session.create({ name = "research", tags = { "demo" } })',
          js: 'const id = await Session.create({ name: "research", tags: ["demo"] });',
        },
      ),
      fn("builder", "", "SessionBuilder", "Start building a session (name, description, tags, then build).", {
        lua: 'local id = Session.builder():name("notes"):tag("demo"):build()',
        js: 'const id = await Session.builder().name("notes").tag("demo").build();',
      }),
      fn("get", "session_id: string", "SessionInfo", "A session; an unknown id raises `not_found`.", A),
      fn(
        "list",
        'query?: { tags?: string[]; status?: "active" | "suspended" | "completed"; limit?: number }',
        "SessionInfo[]",
        "Sessions, oldest first; `tags` keeps those with every tag.",
        A,
      ),
      fn("save", "session_id: string", "void", "Every change is stored as it happens; checks the session exists.", A),
      fn("load", "session_id: string", "string", "Read a stored session back; returns its id.", A),
      fn("complete", "session_id: string", "void", "Mark an active or suspended session completed.", A),
      fn("suspend", "session_id: string", "void", "Suspend an active session.", A),
      fn("resume", "session_id: string", "void", "Make a suspended session active again.", A),
      fn("delete", "session_id: string", "void", "Remove a session and its artifacts.", A),
      fn("get_current", "", "string | null", "The run's current session id, or nil."),
      fn("set_current", "session_id: string | null", "void", "Set (or clear, with nil) the run's current session.", A),
      fn("can_replay", "session_id: string", "boolean", "Always false: the playground records no hooks to replay.", A),
      fn("list_replayable", "", "string[]", "Always empty here."),
      fn(
        "replay",
        "session_id: string, config?: JsonValue",
        "never",
        "Raises `unsupported_feature`: no hook recordings to replay.",
        A,
      ),
      fn(
        "get_replay_metadata",
        "session_id: string",
        "never",
        "Raises `unsupported_feature`: no hook recordings to replay.",
        A,
      ),
    ],
  },
  {
    name: "Artifact",
    description:
      "Texts kept in a session (rs-llmspell's artifacts): results, inputs, reports. Each has an id table, a SHA-256 content hash and metadata; they persist with their session.",
    functions: [
      fn(
        "store",
        "session_id: string, type: string, name: string, content: string, metadata?: { mime_type?: string; tags?: string[]; [key: string]: JsonValue | undefined }",
        "ArtifactId",
        "Keep a text in an active session (at most 1 MiB). `type` is agent_output, tool_result, user_input, system_generated or your own.",
        {
          ...A,
          lua: 'local aid = Artifact.store(id, "agent_output", "summary.md", "# Summary", { mime_type = "text/markdown" })',
          js: 'const aid = await Artifact.store(id, "agent_output", "summary.md", "# Summary", { mime_type: "text/markdown" });',
        },
      ),
      fn(
        "get",
        "session_id: string, artifact_id: ArtifactId",
        "{ metadata: ArtifactMetadata; content: string }",
        "An artifact and its content; an unknown one raises `not_found`.",
        A,
      ),
      fn(
        "list",
        "session_id: string",
        "ArtifactMetadata[]",
        'A session\'s artifacts ("" means the current session).',
        A,
      ),
      fn("delete", "session_id: string, artifact_id: ArtifactId", "void", "Remove an artifact.", A),
      fn(
        "store_file",
        "session_id: string, path: string, type: string, metadata?: JsonValue",
        "never",
        "Raises `unsupported_feature`: spells have no file system here.",
        A,
      ),
      fn(
        "query",
        "query?: ArtifactQuery",
        "ArtifactMetadata[]",
        "Artifacts of every session (or one) matching the filters.",
        A,
      ),
    ],
  },
];

export const SESSION_CLASSES: ApiClassDoc[] = [
  {
    name: "SessionBuilder",
    description: "Returned by Session.builder(). Every method returns the builder; build() creates the session.",
    methods: [
      method("name", "name: string", "SessionBuilder", "The session's name."),
      method("description", "text: string", "SessionBuilder", "A description."),
      method("tag", "tag: string", "SessionBuilder", "Add a tag."),
      method("tags", "tags: string[]", "SessionBuilder", "Add several tags."),
      method("build", "", "string", "Create the session; returns its id.", A),
    ],
  },
];
