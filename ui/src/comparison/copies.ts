import type { WireCopy } from "../api";

/** Articles that are near copies of each other, and the least text any two of them share. */
export interface CopyGroup {
  articles: string[];
  similarity: number;
}

/**
 * Joins near-copy pairs into groups: if A copies B and B copies C, the three
 * are one voice. Groups keep the order articles first appear in; the
 * similarity shown is the lowest of the pairs that joined them.
 */
export function copyGroups(pairs: WireCopy[]): CopyGroup[] {
  const parent = new Map<string, string>();
  const find = (article: string): string => {
    let root = article;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(article, root);
    return root;
  };
  const order: string[] = [];
  for (const { a, b } of pairs) {
    for (const article of [a, b]) {
      if (!parent.has(article)) {
        parent.set(article, article);
        order.push(article);
      }
    }
    const [rootA, rootB] = [find(a), find(b)];
    if (rootA !== rootB) parent.set(rootB, rootA);
  }
  const groups = new Map<string, CopyGroup>();
  for (const article of order) {
    const root = find(article);
    const group = groups.get(root) ?? { articles: [], similarity: 1 };
    group.articles.push(article);
    groups.set(root, group);
  }
  for (const { a, similarity } of pairs) {
    const group = groups.get(find(a))!;
    group.similarity = Math.min(group.similarity, similarity);
  }
  return [...groups.values()];
}
