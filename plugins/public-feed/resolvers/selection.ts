import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLResolveInfo,
  SelectionSetNode,
} from 'graphql'

import { publicFields, type PublicCollection } from '../mapping/publicFields'

/** Field names selected on a node (fragments flattened), per query document: computed once. */
const selectedCache = new WeakMap<FieldNode, Map<string, Set<string>>>()

const collect = (
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  into: Set<string>,
) => {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') into.add(selection.name.value)
    else if (selection.kind === 'InlineFragment') collect(selection.selectionSet, fragments, into)
    else collect(fragments[selection.name.value]?.selectionSet, fragments, into)
  }
}

/** The selection set under a path of field names (e.g. `edges.node`) below the root field. */
const descend = (
  set: SelectionSetNode | undefined,
  path: string[],
  fragments: Record<string, FragmentDefinitionNode>,
): SelectionSetNode[] => {
  if (!set) return []
  if (path.length === 0) return [set]
  const found: SelectionSetNode[] = []
  for (const selection of set.selections) {
    if (selection.kind === 'Field') {
      if (selection.name.value === path[0]) {
        found.push(...descend(selection.selectionSet, path.slice(1), fragments))
      }
    } else {
      const inner =
        selection.kind === 'InlineFragment'
          ? selection.selectionSet
          : fragments[selection.name.value]?.selectionSet
      found.push(...descend(inner, path, fragments))
    }
  }
  return found
}

/**
 * The stored fields a root field's nodes need (`path` leads from the root field to the
 * node, e.g. ['edges', 'node']), plus `extra` (sort keys). Only public fields can appear.
 */
export const selectFor = (
  info: GraphQLResolveInfo,
  collection: PublicCollection,
  path: string[],
  extra: string[] = [],
): Record<string, true> => {
  const fieldNode = info.fieldNodes[0]
  let byPath = selectedCache.get(fieldNode)
  if (!byPath) selectedCache.set(fieldNode, (byPath = new Map()))
  const key = `${collection}:${path.join('.')}`
  let names = byPath.get(key)
  if (!names) {
    names = new Set<string>()
    for (const node of info.fieldNodes) {
      for (const set of descend(node.selectionSet, path, info.fragments)) {
        collect(set, info.fragments, names)
      }
    }
    byPath.set(key, names)
  }
  const fields = publicFields[collection] as Record<string, readonly string[]>
  const select: Record<string, true> = { slug: true }
  for (const name of names) for (const stored of fields[name] ?? []) select[stored] = true
  for (const stored of extra) select[stored] = true
  return select
}
