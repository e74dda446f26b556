// User paths: what sessions do right after (or before) their first anchor event, as a prefix tree of
// session counts (the data behind a Sankey or sunburst). Sessions are those of known users.
import type { EventTable } from './event-table';
import type { Grouping } from './indexes';

/** Children kept per node when the query does not say. */
export const DEFAULT_TOP_K = 5;
/** Most steps a path follows from the anchor. */
export const MAX_PATH_DEPTH = 4;
/** Joins the labels of a node's path into its id. */
export const PATH_SEPARATOR = ' › ';
/** Label of the node that merges a parent's children past the top K. */
export const OTHER = 'Other';

/** Which paths to follow from the first `anchor` event (a type code) of every session. */
export interface PathQuery {
  anchor: number;
  direction: 'next' | 'previous';
  /** Steps to follow, 1..MAX_PATH_DEPTH (clamped). */
  depth: number;
  by: 'type' | 'category';
  /** Children kept per node, DEFAULT_TOP_K when absent. */
  topK?: number;
}
/** A node of the path tree; `id` is its label path joined by PATH_SEPARATOR. */
export interface PathNode { id: string; level: number; label: string; sessions: number; parent: string | null }
/** Sessions holding the anchor, and the kept nodes (parents before their children). */
export interface PathResult { anchorSessions: number; nodes: PathNode[] }

/** Label ids: the session's edge ('exit' / 'start'), a missing category, else code + 2. */
const EDGE = 0, NONE = 1;

/** The counted prefix tree: node 0 is the anchor; children are found by parent * labels + label. */
interface Trie { child: Map<number, number>; labels: number; label: number[]; count: number[]; parent: number[] }

/** Events of each session in time order: a stable counting sort of the (time-sorted) by-user order. */
function bySession(t: EventTable, byUser: Grouping): Grouping {
  const S = t.sessionCount;
  const offsets = new Uint32Array(S + 1);
  for (const e of byUser.order) {
    const s = t.session[e] as number;
    if (s >= 0) offsets[s + 1] = (offsets[s + 1] as number) + 1;
  }
  for (let s = 0; s < S; s++) offsets[s + 1] = (offsets[s + 1] as number) + (offsets[s] as number);
  const order = new Uint32Array(offsets[S] as number);
  const fill = offsets.slice(0, S);
  for (const e of byUser.order) {
    const s = t.session[e] as number;
    if (s < 0) continue;
    order[fill[s] as number] = e;
    fill[s] = (fill[s] as number) + 1;
  }
  return { order, offsets };
}

/** Calls visit(user, labels, length) once per session holding the anchor; `labels` is one reused buffer. */
function walk(t: EventTable, byUser: Grouping, q: PathQuery, visit: (user: number, labels: Int32Array, length: number) => void): void {
  const g = bySession(t, byUser);
  const depth = clampDepth(q.depth);
  const dir = q.direction === 'next' ? 1 : -1;
  const labels = new Int32Array(depth);
  const codes = q.by === 'category' ? t.codes.category : t.type;
  for (let s = 0; s + 1 < g.offsets.length; s++) {
    const a = g.offsets[s] as number, b = g.offsets[s + 1] as number;
    let at = a;
    while (at < b && t.type[g.order[at] as number] !== q.anchor) at++;
    if (at === b) continue;
    let len = 0;
    for (let p = at + dir; len < depth; p += dir) {
      if (p < a || p >= b) { labels[len++] = EDGE; break; }
      labels[len++] = codes ? (codes[g.order[p] as number] as number) + 2 : NONE; // code -1 lands on NONE
    }
    visit(t.user[g.order[at] as number] as number, labels, len);
  }
}

/** A whole number of steps in 1..MAX_PATH_DEPTH. */
const clampDepth = (d: number) => Math.max(1, Math.min(MAX_PATH_DEPTH, Math.floor(d) || 1));

/** Counts every session's path into the prefix tree. */
function buildTrie(t: EventTable, byUser: Grouping, q: PathQuery): Trie {
  const trie: Trie = { child: new Map(), labels: (q.by === 'category' ? (t.dicts.category?.length ?? 0) : 256) + 2, label: [-1], count: [0], parent: [-1] };
  walk(t, byUser, q, (_user, labels, len) => {
    trie.count[0] = (trie.count[0] as number) + 1;
    let node = 0;
    for (let d = 0; d < len; d++) {
      const key = node * trie.labels + (labels[d] as number);
      let c = trie.child.get(key);
      if (c === undefined) {
        c = trie.label.push(labels[d] as number) - 1;
        trie.count.push(0);
        trie.parent.push(node);
        trie.child.set(key, c);
      }
      trie.count[c] = (trie.count[c] as number) + 1;
      node = c;
    }
  });
  return trie;
}

/** The kept nodes, each with the trie nodes it stands for (several for an 'Other' node). */
function prune(t: EventTable, q: PathQuery, trie: Trie): { nodes: PathNode[]; members: number[][] } {
  const names = (q.by === 'category' ? t.dicts.category : t.dicts.type) ?? [];
  const name = (l: number) => (l === EDGE ? (q.direction === 'next' ? 'exit' : 'start') : l === NONE ? '(none)' : (names[l - 2] ?? `#${l - 2}`));
  const kids: number[][] = trie.label.map(() => []);
  for (let c = 1; c < trie.parent.length; c++) (kids[trie.parent[c] as number] as number[]).push(c);
  const topK = Math.max(1, Math.floor(q.topK ?? DEFAULT_TOP_K) || DEFAULT_TOP_K);
  const nodes: PathNode[] = [], members: number[][] = [];
  const add = (level: number, label: string, sessions: number, parent: PathNode | null, of: number[]) => {
    const node = { id: parent ? parent.id + PATH_SEPARATOR + label : label, level, label, sessions, parent: parent?.id ?? null };
    nodes.push(node);
    members.push(of);
    return node;
  };
  const expand = (trieNode: number, parent: PathNode | null, level: number) => {
    const sorted = (kids[trieNode] as number[]).map((c) => ({ c, label: name(trie.label[c] as number), n: trie.count[c] as number }));
    sorted.sort((x, y) => y.n - x.n || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
    const kept = sorted.slice(0, topK), rest = sorted.slice(topK);
    const mine = kept.map((k) => ({ ...k, node: add(level, k.label, k.n, parent, [k.c]) }));
    if (rest.length > 0) {
      // A real label "Other" among the kept children would share the merged node's id.
      const label = kept.some((k) => k.label === OTHER) ? `${OTHER} (rest)` : OTHER;
      add(level, label, rest.reduce((s, r) => s + r.n, 0), parent, rest.map((r) => r.c));
    }
    for (const k of mine) expand(k.c, k.node, level + 1);
  };
  expand(0, null, 1);
  return { nodes, members };
}

/** Path tree from the first anchor event of each session, topK children per node plus 'Other'. */
export function paths(t: EventTable, byUser: Grouping, q: PathQuery): PathResult {
  const trie = buildTrie(t, byUser, q);
  return { anchorSessions: trie.count[0] as number, nodes: prune(t, q, trie).nodes };
}

/** Sorted user codes of the sessions whose path passes through the node (empty for an unknown id). */
export function pathNodeUsers(t: EventTable, byUser: Grouping, q: PathQuery, nodeId: string): Int32Array {
  const trie = buildTrie(t, byUser, q);
  const { nodes, members } = prune(t, q, trie);
  const at = nodes.findIndex((n) => n.id === nodeId);
  const node = nodes[at];
  if (!node) return new Int32Array(0);
  const target = new Set(members[at]);
  const hit = new Uint8Array(byUser.offsets.length - 1);
  walk(t, byUser, q, (user, labels, len) => {
    let c = 0;
    for (let d = 0; d < node.level && d < len && c >= 0; d++) c = trie.child.get(c * trie.labels + (labels[d] as number)) ?? -1;
    if (len >= node.level && target.has(c) && user >= 0) hit[user] = 1;
  });
  const out: number[] = [];
  hit.forEach((h, u) => { if (h) out.push(u); });
  return Int32Array.from(out);
}
