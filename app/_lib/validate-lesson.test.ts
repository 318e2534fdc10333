import { describe, expect, it } from 'vitest'
import { buildCourse } from './course'
import { LessonError } from './lesson-error'

const DIR = '01-how-http-talks'
const PATH = `content/lessons/${DIR}/index.mdx`
const front = (extra = '') => `---\ntitle: "How HTTP talks"\nsummary: Requests and responses.\npart: Roots\n${extra}---\n`
/** The lesson frame every lesson needs; appended after the body so body line numbers stay put. */
const FRAME = '\n<YouWillLearn>\n\n- one thing\n\n</YouWillLearn>\n\n<Recap>\n\n- that thing\n\n</Recap>\n'

/** Builds a one-lesson course and returns the thrown message (fails the test if nothing throws). */
function errorOf(source: string, dir = DIR): string {
  try {
    buildCourse([{ dir, source }])
  } catch (error) {
    expect(error).toBeInstanceOf(LessonError)
    return (error as Error).message
  }
  throw new Error('expected the lesson to be rejected')
}

describe('lesson validation: front matter', () => {
  it('accepts a valid lesson', () => {
    const course = buildCourse([{ dir: DIR, source: `${front()}\n## Hello\n\nText.\n${FRAME}` }])
    expect(course.lessons[0]).toMatchObject({ title: 'How HTTP talks', summary: 'Requests and responses.', part: 'Roots', slug: 'how-http-talks', number: 1 })
  })

  it('no front matter → path:1:1 and says what to add', () => {
    const message = errorOf('## Hello\n')
    expect(message).toMatch(new RegExp(`^${PATH}:1:1: missing front matter`))
    expect(message).toContain('title, summary and part')
  })

  it('missing title → points at the front matter and says how to add it', () => {
    const message = errorOf('---\nsummary: S\npart: P\n---\n\nText\n')
    expect(message).toMatch(new RegExp(`^${PATH}:1:1: front matter is missing \`title\`: add`))
  })

  it('empty title → points at the key line', () => {
    const message = errorOf('---\nsummary: S\ntitle: ""\npart: P\n---\n')
    expect(message).toMatch(new RegExp(`^${PATH}:3:1: front-matter \`title\` is empty`))
  })

  it('missing summary and missing part are each reported', () => {
    const message = errorOf('---\ntitle: T\n---\n')
    expect(message).toContain(`${PATH}:1:1: front matter is missing \`summary\``)
    expect(message).toContain(`${PATH}:1:1: front matter is missing \`part\``)
  })

  it('whitespace-only part counts as empty', () => {
    expect(errorOf('---\ntitle: T\nsummary: S\npart: "   "\n---\n')).toMatch(new RegExp(`^${PATH}:4:1: front-matter \`part\` is empty`))
  })

  it('a multi-line summary is rejected at its value', () => {
    const message = errorOf('---\ntitle: T\nsummary: |\n  line one\n  line two\npart: P\n---\n')
    expect(message).toMatch(new RegExp(`^${PATH}:3:10: front-matter \`summary\` must be one line`))
  })

  it('unquoted ": " in a value → YAML error with the line and the quoting advice', () => {
    const message = errorOf('---\ntitle: How HTTP talks: request\nsummary: S\npart: P\n---\n')
    expect(message).toMatch(new RegExp(`^${PATH}:2:\\d+: front matter is not valid YAML`))
    expect(message).toContain('Quote values')
  })

  it('an unknown key is named with its line', () => {
    expect(errorOf(`${front('titel: Oops\n')}`)).toMatch(new RegExp(`^${PATH}:5:1: unknown front-matter key \`titel\``))
  })
})

describe('lesson validation: body', () => {
  it('an import statement → its line, and says lessons import nothing', () => {
    const message = errorOf(`${front()}\nimport { X } from './x'\n\nText\n`)
    expect(message).toMatch(new RegExp(`^${PATH}:7:1: \`import\` statements are not allowed: a lesson imports nothing`))
    expect(message).toContain('components/mdx/registry.ts')
  })

  it('an export statement → its line', () => {
    expect(errorOf(`${front()}\nexport const x = 1\n`)).toMatch(new RegExp(`^${PATH}:7:1: \`export\` statements are not allowed`))
  })

  it('a JSX tag not in the registry → line:col of the tag, lists the known tags', () => {
    const message = errorOf(`${front()}\nSome text <Widget /> here.\n`)
    expect(message).toMatch(new RegExp(`^${PATH}:7:11: unknown tag <Widget>`))
    expect(message).toContain('Callout, Figure')
  })

  it('a lower-case HTML tag not in the registry is rejected too', () => {
    expect(errorOf(`${front()}\n<div>hi</div>\n`)).toMatch(new RegExp(`^${PATH}:7:1: unknown tag <div>`))
  })

  it('registry tags are accepted, nested ones too', () => {
    const source = `${front()}\n<Callout type="misconception" title="Keep-alive">\n  A **bold** claim.\n\n  <Figure caption="x">\n\n  | a |\n  | - |\n  | 1 |\n\n  </Figure>\n</Callout>\n${FRAME}`
    expect(buildCourse([{ dir: DIR, source }]).lessons).toHaveLength(1)
  })

  it('a bad Callout type → the attribute position and the allowed values', () => {
    const message = errorOf(`${front()}\n<Callout type="danger">x</Callout>\n`)
    expect(message).toMatch(new RegExp(`^${PATH}:7:10: <Callout type="danger"> is not one of "note", "tip", "warning", "misconception"`))
  })

  it('an unknown attribute on a registry component is rejected', () => {
    expect(errorOf(`${front()}\n<Figure src="/a.png" alt="A" captoin="c" />\n`)).toMatch(new RegExp(`^${PATH}:7:30: <Figure> has no attribute \`captoin\``))
  })

  it('Figure with src but no alt → asks for alt', () => {
    expect(errorOf(`${front()}\n<Figure src="/a.png" />\n`)).toMatch(new RegExp(`^${PATH}:7:1: <Figure src> needs \`alt\` too`))
  })

  it('a JavaScript expression is rejected, a comment is not', () => {
    expect(errorOf(`${front()}\nTotal: {1 + 1}\n`)).toMatch(new RegExp(`^${PATH}:7:8: JavaScript expressions`))
    expect(buildCourse([{ dir: DIR, source: `${front()}\n{/* a note to authors */}\n\nText\n${FRAME}` }]).lessons).toHaveLength(1)
  })

  it('a code block without a language, or with an unknown one, is rejected', () => {
    expect(errorOf(`${front()}\n\`\`\`\nGET / HTTP/1.1\n\`\`\`\n`)).toMatch(new RegExp(`^${PATH}:7:1: code block without a language`))
    expect(errorOf(`${front()}\n\`\`\`htpp\nGET / HTTP/1.1\n\`\`\`\n`)).toMatch(new RegExp(`^${PATH}:7:1: unknown code language \`htpp\`: use one of http,`))
  })

  it('a # heading (second h1) and h5 are rejected', () => {
    expect(errorOf(`${front()}\n# Title again\n`)).toMatch(new RegExp(`^${PATH}:7:1: a \`#\` heading is not allowed`))
    expect(errorOf(`${front()}\n##### Deep\n`)).toMatch(new RegExp(`^${PATH}:7:1: a level-5 heading`))
  })

  it('an MDX syntax error (unclosed tag) → its position', () => {
    const message = errorOf(`${front()}\nText\n\n<Callout>\nnever closed\n`)
    expect(message).toMatch(new RegExp(`^${PATH}:9:1: MDX syntax error: Expected a closing tag for \`<Callout>\``))
    expect(errorOf(`${front()}\nText <b oops\n`)).toMatch(new RegExp(`^${PATH}:7:13: MDX syntax error`))
  })

  it('several problems → all listed, in file order, first line first', () => {
    const message = errorOf(`${front()}\n<Widget />\n\nimport x from 'y'\n`)
    const lines = message.split('\n')
    expect(lines[0]).toMatch(new RegExp(`^${PATH}:7:1: unknown tag`))
    expect(lines[1]).toMatch(new RegExp(`^${PATH}:9:1: \`import\``))
  })
})

describe('lesson validation: the lesson frame, glossary terms and exercises', () => {
  it('a lesson without <YouWillLearn> or <Recap> is rejected, at the end of the file', () => {
    const source = `${front()}\n## Hello\n\nText.\n`
    const lines = errorOf(source).split('\n')
    expect(lines[0]).toMatch(new RegExp(`^${PATH}:10:1: missing <YouWillLearn>: every lesson has one`))
    expect(lines[1]).toMatch(new RegExp(`^${PATH}:10:1: missing <Recap>`))
  })

  it('a second <Recap> is pointed at', () => {
    expect(errorOf(`${front()}\n<Recap>\n\n- x\n\n</Recap>\n${FRAME}`)).toMatch(new RegExp(`^${PATH}:19:1: <Recap> appears more than once`))
  })

  it('<Term> needs a known id', () => {
    expect(buildCourse([{ dir: DIR, source: `${front()}\nA <Term id="keep-alive">kept</Term> line.\n${FRAME}` }]).lessons).toHaveLength(1)
    expect(errorOf(`${front()}\nA <Term id="keepalive">kept</Term> line.\n${FRAME}`)).toMatch(new RegExp(`^${PATH}:7:9: <Term id="keepalive">: the glossary has no such term`))
    expect(errorOf(`${front()}\nA <Term>kept</Term> line.\n${FRAME}`)).toMatch(new RegExp(`^${PATH}:7:3: <Term> needs \`id\``))
  })

  it('an exercise is listed in the front matter and placed with <Exercise id>, both with a known id', () => {
    const ok = buildCourse([{ dir: DIR, source: `${front('exercises: [http-raw-request]\n')}\n<Exercise id="http-raw-request" />\n${FRAME}` }])
    expect(ok.lessons[0].exercises).toEqual(['http-raw-request'])
    expect(errorOf(`${front()}\n<Exercise id="no-such-one" />\n${FRAME}`)).toMatch(new RegExp(`^${PATH}:7:11: <Exercise id="no-such-one">: no exercise has that id`))
    expect(errorOf(`${front('exercises: [http-raw-request]\n')}\nText.\n${FRAME}`)).toMatch(new RegExp(`^${PATH}:5:12: exercise \`http-raw-request\` is listed in the front matter but not placed`))
    expect(errorOf(`${front()}\n<Exercise id="http-raw-request" />\n${FRAME}`)).toMatch(new RegExp(`^${PATH}:7:1: <Exercise id="http-raw-request"> is not listed in the front matter`))
    expect(errorOf(`${front('exercises: [Not An Id]\n')}\n${FRAME}`)).toMatch(new RegExp(`^${PATH}:5:1: front-matter \`exercises\` must be a list of exercise ids`))
  })
})
