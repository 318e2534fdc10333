import type { Metadata } from 'next'
import { LazyFrameXray, LazyHandshakeView, LazyPubSubMap, LazySequenceDiagram, LazyTransportRace } from '@/components/lab/LazyLabWidgets'
import styles from './lab.module.css'

export const metadata: Metadata = {
  title: 'Lab',
  description: 'Free play with real traffic: race HTTP polling, SSE, WebSocket and SockJS, watch a WebSocket handshake, X-ray a frame, and see your own traffic as a sequence diagram.',
}

const SECTIONS = [
  { id: 'race', title: 'Race the transports' },
  { id: 'handshake', title: 'Open a WebSocket' },
  { id: 'xray', title: 'X-ray a frame' },
  { id: 'stomp-xray', title: 'A STOMP frame inside a WebSocket frame' },
  { id: 'sequence', title: 'Your traffic, as a sequence diagram' },
  { id: 'pubsub', title: 'Who receives what' },
] as const

export default function LabPage() {
  return (
    <main id="main" tabIndex={-1} className={styles.main}>
      <header className={styles.intro}>
        <p className={styles.eyebrow}>Lab</p>
        <h1 className={styles.title}>Play with the real wire</h1>
        <p className={styles.lead}>
          Everything here talks to the Wirelab server running next to this page, and every number and picture comes
          from traffic that really happened: the server counts the bytes and decodes the frames, and your browser
          measures the timings. Widgets start when you scroll to them.
        </p>
        <nav aria-label="On this page">
          <ol className={styles.toc}>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.title}</a>
              </li>
            ))}
          </ol>
        </nav>
      </header>

      <section className={styles.section} aria-labelledby="race">
        <h2 id="race" className={styles.heading}>Race the transports</h2>
        <p className={styles.blurb}>
          One ticker feed, read five ways at once. Watch how many requests and bytes each transport spends per message,
          and how long a message waits before it reaches you. Post your own message to see it arrive on every lane.
        </p>
        <LazyTransportRace />
      </section>

      <section className={styles.section} aria-labelledby="handshake">
        <h2 id="handshake" className={styles.heading}>Open a WebSocket</h2>
        <p className={styles.blurb}>
          A WebSocket starts life as an HTTP GET asking to switch protocols. Here is the request your browser just sent
          and the server&apos;s <code>101</code> answer, as the server read and wrote them, with the{' '}
          <code>Sec-WebSocket-Accept</code> worked out step by step.
        </p>
        <LazyHandshakeView />
      </section>

      <section className={styles.section} aria-labelledby="xray">
        <h2 id="xray" className={styles.heading}>X-ray a frame</h2>
        <p className={styles.blurb}>
          Send a message over <code>/ws/echo</code> and take its frame apart: the octets, the header bits, the masking
          key your browser chose, the payload. Hover or focus any part to find it in every layer.
        </p>
        <LazyFrameXray endpoint="echo" />
      </section>

      <section className={styles.section} aria-labelledby="stomp-xray">
        <h2 id="stomp-xray" className={styles.heading}>A STOMP frame inside a WebSocket frame</h2>
        <p className={styles.blurb}>
          Over <code>/ws/stomp</code> each WebSocket message carries one STOMP frame: command, headers, a blank line, the
          body and a NUL octet. Your text becomes the body of a <code>SEND</code>; the broker returns it as a{' '}
          <code>MESSAGE</code> because you are subscribed.
        </p>
        <LazyFrameXray endpoint="stomp" />
      </section>

      <section className={styles.section} aria-labelledby="sequence">
        <h2 id="sequence" className={styles.heading}>Your traffic, as a sequence diagram</h2>
        <p className={styles.blurb}>
          Everything this tab sends and receives through the lab, drawn as it happens (the race runs under its own id,
          so its flood of requests stays out of this picture).
        </p>
        <LazySequenceDiagram title="This tab's traffic" headingLevel={3} />
      </section>

      <section className={styles.section} aria-labelledby="pubsub">
        <h2 id="pubsub" className={styles.heading}>Who receives what</h2>
        <p className={styles.blurb}>
          The broker&apos;s destinations right now: who publishes to each, who is subscribed, and how many messages went
          where. A queue hands each message to one consumer; a topic copies it to every subscriber.
        </p>
        <LazyPubSubMap headingLevel={3} />
      </section>
    </main>
  )
}
