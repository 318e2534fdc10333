import type { MDXComponents } from 'mdx/types'
import { Callout, calloutTypes } from './Callout'
import { CodeBlock, Code } from './CodeBlock'
import { LazyFrameXray, LazyHandshakeView, LazyHttpRequest, LazyStompClient, LazyPubSubMap, LazySequenceDiagram, LazyTransportRace } from '../lab/LazyLabWidgets'
import { Exercise } from '../lab/exercise/Exercise'
import { Figure } from './Figure'
import { Recap, YouWillLearn } from './LessonFrame'
import { Term } from './Term'
import { H1, H2, H3, H4 } from './Heading'
import { MdxLink } from './MdxLink'
import { Table } from './Table'
// Lesson widgets of lessons 02-04: import here.
import { LazyEventSourceLab, LazyPoller, LazyStreamReader } from '../lab/LazyL02Widgets'

// Lesson widgets of lessons 05-06: import here.
import { LazyAcceptCalculator, LazyWsConsole } from '../lab/LazyL05Widgets'

// Lesson widgets of lessons 07-08: import here.
import { LazyRawSocketConsole, LazySocketioClient, LazySockjsFallbacks } from '../lab/LazyL07Widgets'

// Lesson widgets of lessons 09-12: import here.
import { LazyHeartbeatClient } from '../lab/LazyL09Widgets'

// Lesson widgets of lessons 13-15: import here.
import { LazyChatSandbox } from '../lab/LazyL13Widgets'

/**
 * THE vocabulary of a lesson. Markdown compiles to the lower-case tags; a lesson may also write
 * any tag listed here as JSX (`<Callout type="tip">`). The lesson validator (app/_lib) accepts a
 * JSX tag only if it is a key of this object, so adding a widget = adding it here.
 */
export const mdxComponents = {
  h1: H1,
  h2: H2,
  h3: H3,
  h4: H4,
  p: 'p',
  a: MdxLink,
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  blockquote: 'blockquote',
  hr: 'hr',
  strong: 'strong',
  em: 'em',
  del: 'del',
  table: Table,
  thead: 'thead',
  tbody: 'tbody',
  tr: 'tr',
  th: 'th',
  td: 'td',
  code: Code,
  pre: CodeBlock,
  Callout,
  Figure,
  // The lesson frame (required in every lesson) and glossary links.
  YouWillLearn,
  Recap,
  Term,
  // An exercise the server checks on the learner's own connections (lib/exercises).
  Exercise,
  // Lab widgets: client components that load their code when scrolled near (components/lab).
  HttpRequest: LazyHttpRequest,
  StompClient: LazyStompClient,
  TransportRace: LazyTransportRace,
  HandshakeView: LazyHandshakeView,
  FrameXray: LazyFrameXray,
  SequenceDiagram: LazySequenceDiagram,
  PubSubMap: LazyPubSubMap,
  // lessons 02-04
  Poller: LazyPoller,
  EventSourceLab: LazyEventSourceLab,
  StreamReader: LazyStreamReader,

  // lessons 05-06
  AcceptCalculator: LazyAcceptCalculator,
  WsConsole: LazyWsConsole,

  // lessons 07-08
  SockjsFallbacks: LazySockjsFallbacks,
  SocketioClient: LazySocketioClient,
  RawSocketConsole: LazyRawSocketConsole,

  // lessons 09-12
  // lesson 12: a STOMP client card with the heart-beat strip and a "pause heart-beats" switch
  HeartbeatClient: LazyHeartbeatClient,

  // lessons 13-15
  // The capstone's code sandbox: JavaScript in a Web Worker with @stomp/stompjs, and Bob.
  ChatSandbox: LazyChatSandbox,
} satisfies MDXComponents

export type MdxTagName = keyof typeof mdxComponents

/** Every tag name a lesson may use as JSX, read by the validator. */
export const mdxTagNames: ReadonlySet<string> = new Set(Object.keys(mdxComponents))

export type AttributeRule = {
  /** Attribute names the tag accepts. */
  allowed: readonly string[]
  /** For an attribute with a fixed set of string values: the values. */
  values?: Readonly<Record<string, readonly string[]>>
  /** `{ src: 'alt' }`: when `src` is given, `alt` must be given too. */
  requires?: Readonly<Record<string, string>>
  /** Attributes the tag must have. */
  required?: readonly string[]
}

/**
 * Attribute rules for the registry's own components, checked by the validator so a typo fails
 * the build instead of silently rendering something else. Unlisted tags are not checked.
 */
export const mdxTagAttributes: Readonly<Record<string, AttributeRule>> = {
  Callout: { allowed: ['type', 'title'], values: { type: Object.keys(calloutTypes) } },
  Figure: { allowed: ['src', 'alt', 'caption'], requires: { src: 'alt' } },
  YouWillLearn: { allowed: [] },
  Recap: { allowed: [] },
  // ids are checked against lib/glossary and lib/exercises by the validator
  Term: { allowed: ['id'], required: ['id'] },
  Exercise: { allowed: ['id'], required: ['id'] },
  HttpRequest: { allowed: ['example'] },
  StompClient: { allowed: ['name', 'doc', 'autoConnect', 'heartBeat', 'login', 'passcode', 'height'], values: { autoConnect: ['true', 'false'] } },
  TransportRace: { allowed: ['rate', 'interval'] },
  HandshakeView: { allowed: ['endpoint'], values: { endpoint: ['echo', 'stomp'] } },
  FrameXray: { allowed: ['endpoint'], values: { endpoint: ['echo', 'stomp'] } },
  SequenceDiagram: { allowed: ['title', 'headingLevel', 'maxMessages', 'hideHeartbeats', 'height', 'filter', 'names', 'events'] },
  PubSubMap: { allowed: ['title', 'headingLevel', 'destinations', 'maxSubscribers', 'maxDestinations', 'snapshot', 'events'] },
  // lessons 02-04
  Poller: { allowed: ['mode'], values: { mode: ['short', 'long'] } },
  EventSourceLab: { allowed: [] },
  StreamReader: { allowed: ['format'], values: { format: ['sse', 'stream'] } },

  // lessons 05-06
  AcceptCalculator: { allowed: [] },
  WsConsole: { allowed: [] },

  // lessons 07-08
  SockjsFallbacks: { allowed: ['rate'] },
  SocketioClient: { allowed: [] },
  RawSocketConsole: { allowed: ['url', 'suggestions'] },

  // lessons 09-12
  HeartbeatClient: { allowed: ['name', 'doc', 'autoConnect', 'heartBeat', 'login', 'passcode', 'height'], values: { autoConnect: ['true', 'false'] } },

  // lessons 13-15
  ChatSandbox: { allowed: ['editorHeight'] },
}
