/**
 * Three lessons that must fail the build, each with exactly one mistake, and where the loader
 * reports it (`content/lessons/NN-x/index.mdx:LINE:COL`). Used by app/learn/[slug]/page.test.ts (the
 * build path: generateStaticParams → getCourse) and page.build.test.ts (a real `next build`).
 */
const PART = 'Build check'

const valid = (title: string | null, extra = '') =>
  [
    '---',
    ...(title === null ? [] : [`title: "${title}"`]),
    `summary: A lesson that must not build.`,
    `part: "${PART}"`,
    '---',
    '',
    'Some text.',
    '',
    '<YouWillLearn>',
    '',
    '- nothing',
    '',
    '</YouWillLearn>',
    '',
    extra,
    '',
    '<Recap>',
    '',
    '- nothing',
    '',
    '</Recap>',
    '',
  ].join('\n')

export interface BadLesson {
  readonly dir: string
  readonly source: string
  /** What the build output must contain: the file, line and column, then the start of the message. */
  readonly expected: string
}

export const BAD_LESSONS: readonly BadLesson[] = [
  {
    dir: '97-missing-title',
    source: valid(null),
    expected: 'content/lessons/97-missing-title/index.mdx:1:1: front matter is missing `title`',
  },
  {
    dir: '98-unknown-tag',
    source: valid('An unknown tag', 'A <Marquee>scrolling</Marquee> word.'),
    expected: 'content/lessons/98-unknown-tag/index.mdx:15:3: unknown tag <Marquee>',
  },
  {
    dir: '99-has-import',
    source: valid('An import', "import Widget from '../../components/Widget'"),
    expected: 'content/lessons/99-has-import/index.mdx:15:1: `import` statements are not allowed',
  },
]
