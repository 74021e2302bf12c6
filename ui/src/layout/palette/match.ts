// Matching what the person types in the command palette against the entries' words.
// Every typed word must appear in the entry (case and accents ignored); entries whose words
// start with what was typed come first, then the rest in their original order.

/** Lower case, accents removed, runs of spaces collapsed: `Élodie  Café` → `elodie cafe`. */
export function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of a query, normalized. */
export function queryWords(query: string): string[] {
  return normalize(query).split(" ").filter(Boolean);
}

/**
 * How well `query` fits `text` (plus extra `keywords`): `null` when some typed word is missing,
 * otherwise a score where higher is better (a word at the start of the label beats a word at the
 * start of any word, which beats a word found inside another word).
 */
export function matchScore(query: string, text: string, keywords: readonly string[] = []): number | null {
  const words = queryWords(query);
  if (words.length === 0) return 0;
  const label = normalize(text);
  const hay = normalize([text, ...keywords].join(" "));
  const hayWords = hay.split(" ");
  let score = 0;
  for (const word of words) {
    if (label.startsWith(word)) score += 3;
    else if (hayWords.some((w) => w.startsWith(word))) score += 2;
    else if (hay.includes(word)) score += 1;
    else return null;
  }
  return score;
}

/** The items that match `query`, best first; ties keep their original order. */
export function filterByQuery<T>(items: readonly T[], query: string, text: (item: T) => string, keywords: (item: T) => readonly string[] = () => []): T[] {
  const scored: Array<{ item: T; score: number; index: number }> = [];
  items.forEach((item, index) => {
    const score = matchScore(query, text(item), keywords(item));
    if (score !== null) scored.push({ item, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map((s) => s.item);
}
