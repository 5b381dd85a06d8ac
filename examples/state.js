// title: Remembering with State | level: beginner | tags: state, basics | order: 17
// description: Save values that outlive the run: count visits, keep settings by scope, list and delete keys.

// State keeps values between runs (per workspace in the playground, per --state file in the CLI).
// load() gives null for a key that was never saved.
let visits = (await State.load("lesson", "visits")) ?? 0;
visits = visits + 1;
await State.save("lesson", "visits", visits);
print("visit number " + visits);

// Any JSON-shaped value can be saved: objects, arrays, numbers, strings, booleans.
await State.save("lesson", "profile", { name: "Ada", languages: ["lua", "javascript"] });
const profile = await State.load("lesson", "profile");
print(profile.name + " writes " + profile.languages.join(" and "));

// Scopes keep unrelated values apart; State.set/get use the "global" scope.
await State.set("theme", "dark");
print("theme: " + (await State.get("theme")));

const keys = (await State.list_keys("lesson")).sort();
print("keys in lesson: " + keys.join(", "));

await State.delete("lesson", "profile");
print("profile after delete: " + ((await State.load("lesson", "profile")) ?? "nil"));
print("keys left: " + (await State.list_keys("lesson")).length);
