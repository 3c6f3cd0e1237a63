// Extracts the seed through a client built only from the server's own spec:
// `generated/api.d.ts` is what openapi-typescript wrote from GET /openapi.yaml, and
// openapi-fetch types every call from it. Nothing here declares an API type by hand;
// `tsc --strict` fails if a field read below is not in the spec with this type.
//
//   ZNE_URL=http://127.0.0.1:8000 npm run check
//
// Prints what it read as one JSON line, so the Python suite can compare it with the
// raw API response (tests/test_typescript_client.py).
import assert from "node:assert/strict";
import createClient from "openapi-fetch";
import type { components, paths } from "../generated/api.js";

type Schemas = components["schemas"];
type Result = Schemas["Result"];
type Problem = Schemas["Problem"];

const baseUrl = process.env.ZNE_URL ?? "http://127.0.0.1:8000";
const client = createClient<paths>({ baseUrl });

function isResult(item: Schemas["BatchItem"]): item is Result {
  return "schema_version" in item;
}

// The fields a client author reads first, with their generated types spelled out
// so that a type change in the spec fails the type check here.
function read(result: Result) {
  const event: Schemas["Event"] | null = result.event;
  assert.ok(event, "the seed has a primary event");
  const eventDate: string | null = event.date;
  const participantIds: string[] = result.participants.map((p: Schemas["Person"]) => p.id);
  const role: "participant" | "mentioned" | undefined = result.participants[0]?.role;
  const quoteSpeakers: (string | null)[] = result.quotes.map((q: Schemas["Quote"]) => q.speaker);
  const facts = result.quantitative_facts.map((f: Schemas["Fact"]) => {
    const value: number | null = f.value;
    const span: Schemas["Span"] = f.span;
    return { kind: f.kind, value, unit: f.unit, start: span.start, end: span.end };
  });
  // @ts-expect-error -- not a field of the Result: proves the types are not `any`.
  void result.no_such_section;
  return { document_id: result.document.id, chars: result.document.chars, event_date: eventDate,
           participant_ids: participantIds, first_role: role, quote_speakers: quoteSpeakers, facts };
}

async function main(): Promise<void> {
  const sample = await client.GET("/v1/sample", { parseAs: "text" });
  assert.equal(sample.response.status, 200);
  const seed: string = sample.data ?? "";
  assert.ok(seed.length > 0);

  // One article.
  const one = await client.POST("/v1/extract", {
    body: { text: seed, id: "seed-ts", reference_date: "2024-07-30" },
  });
  assert.equal(one.response.status, 200, JSON.stringify(one.error));
  assert.ok(one.data);
  const single = read(one.data);
  assert.equal(single.document_id, "seed-ts");
  assert.equal(single.chars, Array.from(seed).length);
  assert.equal(single.event_date, "2024-07-30");
  assert.ok(single.participant_ids.includes("jensen-huang"));
  assert.ok(single.quote_speakers.includes("jensen-huang"));
  assert.ok(single.facts.some((f) => f.kind === "money" && f.value === 60_900_000_000 && f.unit === "USD"));

  // A 422 is a typed Problem.
  const bad = await client.POST("/v1/extract", { body: { text: "   " } });
  assert.equal(bad.data, undefined);
  const problem: Problem | undefined = bad.error;
  assert.ok(problem);
  assert.equal(problem.status, 422);
  assert.deepEqual(problem.errors?.map((e: Schemas["FieldError"]) => e.field), ["text"]);

  // The batch: a Result or a Problem in each document's place.
  const batch = await client.POST("/v1/extract/batch", {
    body: { documents: [
      { text: seed, id: "seed-ts", reference_date: "2024-07-30" },
      { text: " \n ", id: "blank" },
    ] },
  });
  assert.equal(batch.response.status, 200, JSON.stringify(batch.error));
  assert.ok(batch.data);
  const [first, second] = batch.data.results;
  assert.ok(first && isResult(first));
  assert.deepEqual(read(first), single);
  assert.ok(second && !isResult(second));
  const batchProblem: Problem = second;
  assert.equal(batchProblem.status, 422);

  process.stdout.write(JSON.stringify({ single, problem_status: problem.status,
                                        batch_problem_status: batchProblem.status }) + "\n");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
