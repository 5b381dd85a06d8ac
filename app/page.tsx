export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-full max-w-3xl flex-col justify-center gap-4 p-8">
      <h1 className="text-3xl font-semibold tracking-tight">LLMSpell Playground</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Write spells in Lua or JavaScript that drive LLM agents, tools and workflows, and run them right here in
        your browser.
      </p>
    </main>
  );
}
