/**
 * The alumni contact log in the embedded data folder: `alumni-contacts.jsonl`, one JSON line a
 * contact, append-only, read back (and validated) when opened. A torn last line (a crash in the
 * middle of an append) is skipped and set aside as the outbox's is (see jsonLines.ts). The data
 * folder has one process (its lock file), so the cap is checked and the line appended under an
 * in-process lock per customer.
 */

import { AlumniContact } from "../../insights/alumniPorts.js";
import { MemoryAlumniContacts } from "../memory/memoryAlumniContacts.js";
import { JsonLinesAppender, readJsonLines } from "./jsonLines.js";

/** The file's name in the data folder. */
export const ALUMNI_CONTACTS_FILE = "alumni-contacts.jsonl";

export async function openJsonlAlumniContacts(file: string): Promise<MemoryAlumniContacts> {
  const history = await readJsonLines(file, AlumniContact);
  const appender = new JsonLinesAppender(file);
  return new MemoryAlumniContacts((c) => appender.append(c), history);
}
