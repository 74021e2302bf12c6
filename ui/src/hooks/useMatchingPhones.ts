import { useState } from "react";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import type { ContactFilter } from "./useMirrorSearch.ts";

/** The largest page `mirror_search` returns. */
const PAGE = 500;

/**
 * Collects the numbers of every contact matching a filter ("Select all … matching"), a page of
 * the mirror at a time. `running` stays true for the whole walk (so a button can stay busy and
 * nothing starts twice); `found` counts the numbers collected so far, for progress text.
 */
export function useMatchingPhones() {
  const [running, setRunning] = useState(false);
  const [found, setFound] = useState(0);

  async function collect(filter: ContactFilter, total: number): Promise<string[]> {
    setRunning(true);
    setFound(0);
    try {
      const phones: string[] = [];
      for (let offset = 0; offset < total; offset += PAGE) {
        const page = await unwrap(commands.mirrorSearch({ ...filter, offset, limit: PAGE }));
        phones.push(...page.rows.map((c) => c.phone));
        setFound(phones.length);
        if (page.rows.length === 0) break;
      }
      return phones;
    } finally {
      setRunning(false);
    }
  }

  return { collect, running, found };
}
