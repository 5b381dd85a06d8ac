// title: Events | level: intermediate | tags: events | order: 16
// description: Publish events, subscribe with glob patterns, and receive them in order with a timeout.

// A subscription collects every event whose type matches its pattern.
const orders = await Event.subscribe("order.*");
const everything = await Event.subscribe("*");

await Event.publish("order.created", { id: 1, item: "wand" });
await Event.publish("order.shipped", { id: 1, carrier: "owl" });
await Event.publish("user.login", { user: "ada" });

// receive(id, timeout_ms) gives the next event, or null when none arrives in time.
print("order events:");
for (;;) {
  const event = await Event.receive(orders, 0);
  if (event == null) break;
  print("  #" + event.data.id + " " + event.event_type);
}

let count = 0;
while (await Event.receive(everything, 0)) {
  count++;
}
print("the * subscription saw " + count + " events");

// Waiting: nothing is published, so this returns null after 50 ms (Lua prints it as nil).
print("nothing more: " + ((await Event.receive(orders, 50)) ?? "nil"));

// Unsubscribe when done; publishing then reaches nobody.
await Event.unsubscribe(orders);
await Event.unsubscribe(everything);
await Event.publish("order.cancelled", { id: 1 });
print("still subscribed: " + (await Event.list_subscriptions()).length);
