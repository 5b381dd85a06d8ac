/** PASS/FAIL per check of the last run, with the check's message and, when it failed, what was seen and the hint. */
import type { CheckResult } from "@/lib/lesson/checks";

export function CheckList({ results, count }: { results: CheckResult[] | null; count: number }) {
  if (!results) {
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="checks-pending">
        {count === 0
          ? "This step has no checks: a run that succeeds passes it."
          : `${count} check${count === 1 ? "" : "s"}: press Run (Ctrl+Enter) to check your spell.`}
      </p>
    );
  }
  if (results.length === 0) return null;
  return (
    <ul className="space-y-1.5" aria-label="Checks" data-testid="checks">
      {results.map((r, i) => (
        <li
          key={i}
          className={`rounded-md border px-2 py-1.5 text-sm ${
            r.pass
              ? "border-emerald-200 bg-emerald-50 dark:border-emerald-500/30 dark:bg-emerald-500/10"
              : "border-red-200 bg-red-50 dark:border-red-500/30 dark:bg-red-500/10"
          }`}
          data-testid="check"
          data-pass={r.pass}
        >
          <span
            className={`mr-2 rounded px-1.5 py-0.5 font-mono text-[11px] font-bold text-white ${
              r.pass ? "bg-emerald-600" : "bg-red-600"
            }`}
          >
            {r.pass ? "PASS" : "FAIL"}
          </span>
          <span>{r.check.message}</span>
          {!r.pass && (
            <>
              <div className="mt-1 text-xs text-zinc-600 dark:text-zinc-300">{r.detail}</div>
              {r.check.hint && (
                <div className="mt-1 text-xs text-zinc-700 dark:text-zinc-200">
                  <span className="font-semibold">Hint:</span> {r.check.hint}
                </div>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
