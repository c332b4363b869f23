export interface BasePart {
  id: string
  title: string
}

const normalise = (title: string) => title.replace(/\s+/g, '')

/**
 * Which shared part each part of an edited copy continues: a `.wrs` file carries no part ids, so the parts of a
 * pulled-and-edited file are matched to the parts it was pulled with. Parts whose titles are unchanged are matched in
 * order (longest common subsequence); between two such anchors, as many parts on both sides are taken as renamed in
 * place; otherwise a part is new (null) and the unmatched base parts were removed.
 */
export function alignParts(base: readonly BasePart[], titles: readonly string[]): Array<string | null> {
  const a = base.map(part => normalise(part.title))
  const b = titles.map(normalise)
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const anchors: Array<[number, number]> = []
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) anchors.push([i++, j++])
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++
    else j++
  }
  const result = new Array<string | null>(b.length).fill(null)
  let previous: [number, number] = [-1, -1]
  for (const anchor of [...anchors, [a.length, b.length] as [number, number]]) {
    const baseGap = anchor[0] - previous[0] - 1
    const fileGap = anchor[1] - previous[1] - 1
    if (baseGap === fileGap) {
      for (let k = 1; k <= fileGap; k++) result[previous[1] + k] = base[previous[0] + k]!.id
    }
    if (anchor[1] < b.length) result[anchor[1]] = base[anchor[0]]!.id
    previous = anchor
  }
  return result
}
