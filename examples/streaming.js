// title: Streaming replies | level: beginner | tags: agents, streaming | model: mock/default | order: 4
// description: Watch a reply arrive piece by piece with a callback, or pull the pieces from a stream.

const agent = Agent.builder().name("storyteller").model("mock/default").build();

// 1. A callback runs for every piece of text as the model sends it.
const pieces = [];
const result = await agent.stream({ text: "Tell a very short story" }, (chunk) => {
  pieces.push(chunk.text);
});
print("received " + pieces.length + " pieces");
print("first piece: [" + pieces[0] + "]");
print("joined pieces match the final text: " + (pieces.join("") === result.text));

// 2. Without a callback you get a stream: `for await` takes the pieces as they come.
const stream = agent.stream({ text: "Another one, please" });
let count = 0;
let pulled = "";
for await (const chunk of stream) {
  count++;
  pulled += chunk.text;
}
print("pulled " + count + " pieces from the stream");
print("they add up to the final text: " + (pulled === (await stream.result()).text));
