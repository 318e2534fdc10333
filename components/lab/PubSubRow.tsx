'use client'

import { createContext, useContext, useEffect, useRef, useState } from 'react'
import type { PubSubRow as Row, PublisherNode, SubscriberNode } from '@/lib/inspect/pubsub'
import styles from './PubSubRow.module.css'

/**
 * One destination of the pub-sub map: publishers (left) → the destination (middle) →
 * subscribers (right), joined by curves drawn in two small SVGs. Chips have a fixed height
 * (SLOT px apart), so the curve ends are computed, not measured. Each new delivery (or publish)
 * sends a short dash along its curve and pulses the chip, unless the user prefers reduced motion.
 */
const CHIP = 34
const GAP = 8
const SLOT = CHIP + GAP
const CARD_MIN = 92

/** True once the map has shown its first picture: from then on, a chip that appears with traffic flashes too. */
export const PulseNew = createContext(false)

/** Counts up each time `value` grows: a key that restarts a CSS animation (0 = never pulsed). */
function usePulse(value: number): number {
  const animateNew = useContext(PulseNew)
  const [pulses, setPulses] = useState(animateNew && value > 0 ? 1 : 0)
  const last = useRef(value)
  useEffect(() => {
    if (value > last.current) setPulses((n) => n + 1)
    last.current = value
  }, [value])
  return pulses
}

const KIND_LABEL = { topic: 'topic', queue: 'queue', user: 'user queue' } as const
const KIND_HINT = {
  topic: 'every subscriber gets a copy',
  queue: 'each message goes to one subscriber',
  user: 'private to one user',
} as const

function column(count: number, height: number) {
  const used = count * SLOT - GAP
  const top = (height - used) / 2
  return (i: number) => top + i * SLOT + CHIP / 2
}

function Edge({ y1, y2, count, dashed }: { y1: number; y2: number; count: number; dashed?: boolean }) {
  const pulses = usePulse(count)
  const d = `M 0 ${y1} C 50 ${y1}, 50 ${y2}, 100 ${y2}`
  return (
    <>
      <path d={d} className={dashed ? styles.edgeMore : styles.edge} vectorEffect="non-scaling-stroke" />
      {pulses > 0 && (
        <path key={pulses} d={d} pathLength={100} className={styles.packet} vectorEffect="non-scaling-stroke" />
      )}
    </>
  )
}

function Edges({ from, to, height, counts, more }: { from: number; to: number; height: number; counts: readonly number[]; more: boolean }) {
  // from/to: how many ends on the left/right; one side is always the destination (1 end)
  const left = column(from, height)
  const right = column(to, height)
  const n = Math.max(from, to)
  return (
    <svg className={styles.edges} viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" style={{ height }} aria-hidden="true" focusable="false">
      {Array.from({ length: n }, (_, i) => (
        <Edge key={i} y1={left(from === 1 ? 0 : i)} y2={right(to === 1 ? 0 : i)} count={counts[i] ?? 0} dashed={more && i === n - 1} />
      ))}
    </svg>
  )
}

function Publisher({ node }: { node: PublisherNode }) {
  const pulses = usePulse(node.count)
  return (
    <li className={styles.chip} data-self={node.self || undefined} title={node.detail ? `${node.label} (${node.detail})` : node.label}>
      {pulses > 0 && <span key={pulses} className={styles.flash} aria-hidden="true" />}
      <span className={styles.chipLabel}>
        {node.label}
        {node.detail && <span className={styles.chipDetail}> {node.detail}</span>}
      </span>
      <span className={styles.count}>sent {node.count}</span>
    </li>
  )
}

function Subscriber({ node }: { node: SubscriberNode }) {
  const pulses = usePulse(node.delivered)
  const title = `${node.label}${node.detail ? ` (${node.detail})` : ''}${node.pattern ? `, subscribed to ${node.pattern}` : ''}: ${node.delivered} received${node.unacked ? `, ${node.unacked} unacked` : ''}`
  return (
    <li className={styles.chip} data-self={node.self || undefined} title={title}>
      {pulses > 0 && <span key={pulses} className={styles.flash} aria-hidden="true" />}
      <span className={styles.chipLabel}>
        {node.label}
        {node.detail && <span className={styles.chipDetail}> {node.detail}</span>}
        {node.pattern && <span className={styles.chipDetail}> via {node.pattern}</span>}
      </span>
      {node.unacked > 0 && <span className={styles.unacked}>{node.unacked} unacked</span>}
      <span className={styles.count}>got {node.delivered}</span>
    </li>
  )
}

function DepthBar({ depth }: { depth: number }) {
  const cells = Math.min(depth, 10)
  return (
    <span className={styles.depth}>
      <span className={styles.depthCells} aria-hidden="true">
        {Array.from({ length: 10 }, (_, i) => (
          <span key={i} className={i < cells ? styles.cellFull : styles.cell} />
        ))}
      </span>
      depth {depth}
    </span>
  )
}

export function PubSubRow({ row }: { row: Row }) {
  const pubEnds = row.publishers.length + (row.morePublishers ? 1 : 0)
  const subEnds = row.subscribers.length + (row.moreSubscribers ? 1 : 0)
  const height = Math.max(CARD_MIN, Math.max(pubEnds, subEnds, 1) * SLOT - GAP)
  const pubCounts = [...row.publishers.map((p) => p.count), row.morePublishers?.messages ?? 0]
  const subCounts = [...row.subscribers.map((s) => s.delivered), row.moreSubscribers?.delivered ?? 0]
  const cardPulse = usePulse(row.delivered + row.published)
  return (
    <li className={styles.row} data-kind={row.kind} style={{ minHeight: height }}>
      <ul className={styles.side} aria-label={`Publishers to ${row.name}`}>
        {row.publishers.map((p) => (
          <Publisher key={p.key} node={p} />
        ))}
        {row.morePublishers && (
          <li className={styles.more} title={`${row.morePublishers.count} more publishers sent ${row.morePublishers.messages} messages`}>
            <span className={styles.moreText}>
              + {row.morePublishers.count} more publisher{row.morePublishers.count === 1 ? '' : 's'}
            </span>
            <span className={styles.count}>sent {row.morePublishers.messages}</span>
          </li>
        )}
        {pubEnds === 0 && <li className={styles.none}>no publisher yet</li>}
      </ul>
      {pubEnds > 0 ? <Edges from={pubEnds} to={1} height={height} counts={pubCounts} more={row.morePublishers !== null} /> : <span />}
      <div className={styles.card} style={{ minHeight: Math.min(height, CARD_MIN + 16) }}>
        {cardPulse > 0 && <span key={cardPulse} className={styles.flash} aria-hidden="true" />}
        <span className={styles.badge}>
          <KindIcon kind={row.kind} />
          {KIND_LABEL[row.kind]}
        </span>
        <span className={styles.name} title={row.name}>
          {row.name}
        </span>
        <span className={styles.hint}>{KIND_HINT[row.kind]}</span>
        <span className={styles.stats}>
          {row.published} published · {row.delivered} delivered
          {row.refused > 0 && <span className={styles.refused}> · {row.refused} refused</span>}
        </span>
        {row.kind === 'queue' || row.depth > 0 ? <DepthBar depth={row.depth} /> : null}
      </div>
      {subEnds > 0 ? <Edges from={1} to={subEnds} height={height} counts={subCounts} more={row.moreSubscribers !== null} /> : <span />}
      <ul className={styles.side} aria-label={`Subscribers of ${row.name}`}>
        {row.subscribers.map((s) => (
          <Subscriber key={s.key} node={s} />
        ))}
        {row.moreSubscribers && (
          <li className={styles.more} title={`${row.moreSubscribers.count} more subscribers received ${row.moreSubscribers.delivered} messages`}>
            <span className={styles.moreText}>
              + {row.moreSubscribers.count} more subscriber{row.moreSubscribers.count === 1 ? '' : 's'}
            </span>
            <span className={styles.count}>got {row.moreSubscribers.delivered}</span>
          </li>
        )}
        {subEnds === 0 && <li className={styles.none}>{row.kind === 'queue' ? 'no consumer: messages wait here' : 'no subscriber'}</li>}
      </ul>
    </li>
  )
}

/** Topic: one → many (fan-out). Queue: a stack (one at a time). User: a person. */
function KindIcon({ kind }: { kind: Row['kind'] }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" className={styles.kindIcon}>
      {kind === 'topic' && <path d="M2 8h4M6 8l8-5M6 8h8M6 8l8 5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />}
      {kind === 'queue' && <path d="M2 4h12M2 8h12M2 12h12" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />}
      {kind === 'user' && (
        <>
          <circle cx="8" cy="5" r="3" fill="currentColor" />
          <path d="M2.5 14c.8-3 3-4.5 5.5-4.5s4.7 1.5 5.5 4.5z" fill="currentColor" />
        </>
      )}
    </svg>
  )
}
