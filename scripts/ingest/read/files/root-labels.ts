import { basename } from 'node:path'

/**
 * How the report names each input root: nothing when there is one (files
 * are named by their path inside it), else the root's own folder name,
 * with `-2`, `-3`… for a name already taken. Never a path of the machine.
 */
export function rootLabels(roots: string[]): string[] {
  if (roots.length < 2) return roots.map(() => '')
  const taken = new Set<string>()
  return roots.map((root) => {
    const name = basename(root) || 'root'
    let label = name
    for (let n = 2; taken.has(label); n++) label = `${name}-${n}`
    taken.add(label)
    return label
  })
}
