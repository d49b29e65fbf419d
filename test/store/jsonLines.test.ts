import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { JsonLinesAppender, readJsonLines } from "../../src/adapters/files/jsonLines.js";
import { openJsonlOutbox } from "../../src/adapters/files/jsonlOutbox.js";

const Row = z.strictObject({ n: z.number() });
const aFile = async (content: string) => {
  const file = join(await mkdtemp(join(tmpdir(), "fairexit-jsonl-")), "log.jsonl");
  await writeFile(file, content);
  return file;
};

describe("JSON Lines after an interrupted append", () => {
  it("skips a torn last line, and the next append cuts it off and starts a line of its own", async () => {
    const file = await aFile('{"n":1}\n{"n":2}\n{"n":3,"tex');
    expect(await readJsonLines(file, Row)).toEqual([{ n: 1 }, { n: 2 }]);
    await new JsonLinesAppender(file).append({ n: 4 });
    expect(await readFile(file, "utf8")).toBe('{"n":1}\n{"n":2}\n{"n":4}\n');
    expect(await readFile(`${file}.torn`, "utf8")).toBe('{"n":3,"tex\n');
    expect(await readJsonLines(file, Row)).toEqual([{ n: 1 }, { n: 2 }, { n: 4 }]);
  });

  it("a file that is all torn reads as empty", async () => {
    const file = await aFile('{"n":1');
    expect(await readJsonLines(file, Row)).toEqual([]);
    await new JsonLinesAppender(file).append({ n: 2 });
    expect(await readJsonLines(file, Row)).toEqual([{ n: 2 }]);
  });

  it("keeps a complete last record whose newline was lost, and finishes its line", async () => {
    const file = await aFile('{"n":1}\n{"n":2}');
    expect(await readJsonLines(file, Row)).toEqual([{ n: 1 }, { n: 2 }]);
    await new JsonLinesAppender(file).append({ n: 3 });
    expect(await readJsonLines(file, Row)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it("still names a bad line in the middle: that is damage, not an interrupted write", async () => {
    const file = await aFile('{"n":1}\n{"n":\n{"n":3}\n');
    await expect(readJsonLines(file, Row)).rejects.toThrow(/line 2: not valid JSON/);
    const wrongShape = await aFile('{"n":1}\n{"m":2}\n');
    await expect(readJsonLines(wrongShape, Row)).rejects.toThrow(/line 2/);
  });

  it("an outbox whose last event was torn by a crash opens and keeps working", async () => {
    const file = await aFile("");
    const outbox = await openJsonlOutbox(file);
    const now = new Date("2026-11-23T10:00:00Z");
    await outbox.enqueue(
      { id: "a1", kind: "message", dueAt: now.toISOString(), payload: { body: "hello" } },
      now,
    );
    await writeFile(file, `${await readFile(file, "utf8")}{"type":"enqueued","item":{"id":"a2`);
    const reopened = await openJsonlOutbox(file);
    expect((await reopened.list()).map((i) => i.id)).toEqual(["a1"]);
    await reopened.enqueue(
      { id: "a3", kind: "message", dueAt: now.toISOString(), payload: { body: "again" } },
      now,
    );
    expect((await (await openJsonlOutbox(file)).list()).map((i) => i.id)).toEqual(["a1", "a3"]);
  });

  it("does not create a file it never appends to", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-jsonl-"));
    new JsonLinesAppender(join(dir, "never.jsonl"));
    await new Promise((r) => setTimeout(r, 20));
    await expect(readFile(join(dir, "never.jsonl"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
