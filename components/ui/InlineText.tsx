import { Fragment } from 'react'

/** Exercise texts are plain strings where `backticks` mark code: render those as <code>. */
export function InlineText({ text }: { text: string }) {
  const parts = text.split('`')
  // An odd number of backticks leaves the last one literal.
  if (parts.length % 2 === 0) return <>{text}</>
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))}
    </>
  )
}
