import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { DEFAULT_COUNT, DEFAULT_SEED, generateDemoCorpus } from './generate.ts'
import { parseQuirkMix, QUIRKS } from './quirks.ts'
import type { QuirkMix } from './quirks.ts'

const usage = `
  Usage
    $ npm run demo -- [--count <n>] [--out <dir>] [--images <dir>] [--seed <text>]
                      [--quirks <mix>]

  Options
    --count   how many posts to write (default ${DEFAULT_COUNT})
    --out     where the posts go, emptied first (default .cache/demo-posts)
    --images  where the shared SVG images go (default public/demo/images)
    --seed    any text; the same seed gives the same bytes (default ${DEFAULT_SEED})
    --quirks  what real aggregated posts do, and how often (default none):
              real (about as often as in real posts), or quirk=rate pairs
              (0 to 1, comma-separated) of: ${QUIRKS.join(', ')}
    --help    show this text

  Examples
    $ npm run demo -- --count 10000 --out .cache/bench-posts
    $ npm run demo -- --count 100000 --quirks real --out .cache/real-shaped
`

/** Runs the demo CLI with `argv` (without node and script); returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        count: { type: 'string' },
        out: { type: 'string' },
        images: { type: 'string' },
        seed: { type: 'string' },
        quirks: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`)
    return 1
  }
  if (values.help) {
    console.log(usage)
    return 0
  }
  const count = Number(values.count ?? DEFAULT_COUNT)
  if (!Number.isInteger(count) || count < 0) {
    console.error(
      `--count must be a whole number, got ${values.count}\n${usage}`,
    )
    return 1
  }
  let quirks: QuirkMix
  try {
    quirks = parseQuirkMix(values.quirks ?? 'none')
  } catch (error) {
    console.error(`--quirks: ${(error as Error).message}\n${usage}`)
    return 1
  }
  const started = performance.now()
  let result
  try {
    result = await generateDemoCorpus({
      count,
      outDir: values.out ?? '.cache/demo-posts',
      imagesDir: values.images ?? 'public/demo/images',
      seed: values.seed ?? DEFAULT_SEED,
      quirks,
    })
  } catch (error) {
    console.error((error as Error).message)
    return 1
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2)
  console.log(
    `Wrote ${result.posts} posts (${result.withoutImage} without images) and ${result.images} images in ${seconds} s`,
  )
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await run(process.argv.slice(2))
}
