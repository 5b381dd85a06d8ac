-- title: Events | level: intermediate | tags: events | order: 16
-- description: Publish events, subscribe with glob patterns, and receive them in order with a timeout.

-- A subscription collects every event whose type matches its pattern.
local orders = Event.subscribe("order.*")
local everything = Event.subscribe("*")

Event.publish("order.created", {id = 1, item = "wand"})
Event.publish("order.shipped", {id = 1, carrier = "owl"})
Event.publish("user.login", {user = "ada"})

-- receive(id, timeout_ms) gives the next event, or nil when none arrives in time.
print("order events:")
while true do
  local event = Event.receive(orders, 0)
  if event == nil then break end
  print("  #" .. event.data.id .. " " .. event.event_type)
end

local count = 0
while Event.receive(everything, 0) do
  count = count + 1
end
print("the * subscription saw " .. count .. " events")

-- Waiting: nothing is published, so this returns nil after 50 ms.
print("nothing more: " .. tostring(Event.receive(orders, 50)))

-- Unsubscribe when done; publishing then reaches nobody.
Event.unsubscribe(orders)
Event.unsubscribe(everything)
Event.publish("order.cancelled", {id = 1})
print("still subscribed: " .. #Event.list_subscriptions())
