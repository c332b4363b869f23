/** The parts of an htmlparser2 node this pass reads and rewrites. */
export interface DeepHtmlNode {
  type: string
  children?: DeepHtmlNode[]
}

/**
 * Deepest element nesting a paste is walked to (the reducer recurses per element). Below it an element keeps
 * only the text nodes it holds, in order: a page nested hundreds deep pastes as its text instead of overflowing.
 */
export const PASTE_MAX_DEPTH = 100

/** Cuts `roots` to PASTE_MAX_DEPTH levels in place, without recursion. */
export function flattenDeepHtml(roots: DeepHtmlNode[]): void {
  const stack: Array<[DeepHtmlNode, number]> = roots.map(node => [node, 1])
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (!node.children?.length) continue
    if (depth < PASTE_MAX_DEPTH) {
      for (const child of node.children) stack.push([child, depth + 1])
      continue
    }
    const texts: DeepHtmlNode[] = []
    const below = [...node.children].reverse()
    while (below.length) {
      const item = below.pop()!
      if (item.type === 'text') texts.push(item)
      else if (item.children)
        for (let index = item.children.length - 1; index >= 0; index--) below.push(item.children[index]!)
    }
    node.children = texts
  }
}
