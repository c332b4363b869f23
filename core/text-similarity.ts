/** Character bigram counts of a text without spaces, punctuation and digits (Chinese has no words to compare). */
export function bigramCounts(text: string): Map<string, number> {
  const clean = text.replace(/[\s\p{P}\d]/gu, '')
  const grams = new Map<string, number>()
  if (clean.length === 1) grams.set(clean, 1)
  for (let position = 0; position + 1 < clean.length; position++) {
    const gram = clean.slice(position, position + 2)
    grams.set(gram, (grams.get(gram) ?? 0) + 1)
  }
  return grams
}

/** Dice coefficient of two bigram counts: 1 = same, 0 = nothing shared. */
export function diceOfCounts(first: Map<string, number>, second: Map<string, number>): number {
  let total = 0
  let shared = 0
  for (const count of first.values()) total += count
  for (const count of second.values()) total += count
  if (total === 0) return 0
  for (const [gram, count] of first) shared += Math.min(count, second.get(gram) ?? 0)
  return (2 * shared) / total
}

/** Dice coefficient over character bigrams of two texts (titles, paragraphs). */
export function textSimilarity(a: string, b: string): number {
  return diceOfCounts(bigramCounts(a), bigramCounts(b))
}
