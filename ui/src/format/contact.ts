// A contact's name, the same way on every page.

interface Named {
  first_name?: string | null;
  last_name?: string | null;
  company_name?: string | null;
}

/** "Ada Lovelace" from the first and last names ("" when it has neither). */
export function personName(contact: Named): string {
  return [contact.first_name, contact.last_name].filter(Boolean).join(" ").trim();
}

/** The person's name, else their company; `null` when the contact has neither. */
export function contactName(contact: Named): string | null {
  return personName(contact) || contact.company_name || null;
}
