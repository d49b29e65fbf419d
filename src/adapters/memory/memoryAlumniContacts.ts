/**
 * The alumni contact log in this process's memory (the memory store, tests). Check and append
 * run one at a time per customer, so two requests at once never both take the last contact.
 */
import { KeyedMutex } from "../../domain/keyedMutex.js";
import {
  type AlumniContact,
  type AlumniContactLog,
  type ContactCap,
  contactsSince,
  type RecordOutcome,
} from "../../insights/alumniPorts.js";

export class MemoryAlumniContacts implements AlumniContactLog {
  private readonly byCustomer = new Map<string, AlumniContact[]>();
  private readonly mutex = new KeyedMutex();

  constructor(
    /** Called with each contact before it is kept (the file log appends it there); fails = not kept. */
    private readonly persist: (contact: AlumniContact) => Promise<void> = async () => {},
    history: readonly AlumniContact[] = [],
  ) {
    for (const c of history) this.keep(c);
  }

  async list(customerId: string): Promise<AlumniContact[]> {
    return [...(this.byCustomer.get(customerId) ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  record(contact: AlumniContact, cap: ContactCap): Promise<RecordOutcome> {
    return this.mutex.run(contact.customerId, async () => {
      const used = contactsSince(this.byCustomer.get(contact.customerId) ?? [], cap.since);
      if (used >= cap.max) return { recorded: false, contactsUsed: used };
      await this.persist(contact);
      this.keep(contact);
      return { recorded: true, contactsUsed: used + 1 };
    });
  }

  private keep(contact: AlumniContact): void {
    const list = this.byCustomer.get(contact.customerId);
    if (list) list.push(contact);
    else this.byCustomer.set(contact.customerId, [contact]);
  }
}
