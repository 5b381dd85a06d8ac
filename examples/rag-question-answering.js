// title: Answering from your documents (RAG) | level: intermediate | tags: rag, agents | model: mock/default | order: 22
// description: Ingest a small handbook, retrieve the passages closest to a question, and answer from them.

// RAG.ingest cuts each document into chunks, embeds them (mock/embed by default: offline and
// deterministic) and keeps them in the index, which persists like State. Ids make re-runs replace, not add.
const handbook = [
  {
    id: "returns",
    content: "Returns are accepted within 30 days of delivery. Items must be unused and in their box.",
    metadata: { section: "policy" },
  },
  {
    id: "shipping",
    content: "Standard shipping takes 3 to 5 days. Express shipping arrives the next day.",
    metadata: { section: "policy" },
  },
  {
    id: "warranty",
    content: "Every kettle has a two year warranty covering the heating element.",
    metadata: { section: "product" },
  },
  {
    id: "cleaning",
    content: "Descale the kettle monthly with vinegar and rinse it twice.",
    metadata: { section: "product" },
  },
];
const ingested = await RAG.ingest(handbook);
print("ingested " + ingested.documents_processed + " documents as " + ingested.vectors_created + " vectors");

// Retrieve: the chunks most similar to the question, best first.
const question = "How many days do I have for returns?";
const found = await RAG.search(question, { top_k: 2 });
print("top " + found.total + " passages for: " + question);
found.results.forEach((hit, i) => print(`${i + 1}. [${hit.id}] ${hit.score.toFixed(3)} ${hit.content}`));

// Augment: put the retrieved passages in the prompt, then generate.
const context = found.results.map((hit) => "- " + hit.content);
const prompt = "Answer from these passages only:\n" + context.join("\n") + "\nQuestion: " + question;

const assistant = Agent.builder().name("support").model("mock/default").build();
const answer = await assistant.execute({ text: prompt });
print("answer: " + answer.text);

// A metadata filter narrows the search to one section.
const product = await RAG.search("what does the warranty cover", { top_k: 1, metadata_filter: { section: "product" } });
print("product answer source: " + product.results[0].id + " (" + product.results[0].metadata.section + ")");
