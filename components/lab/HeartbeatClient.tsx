'use client'

import { HeartbeatStrip } from './HeartbeatStrip'
import { LessonClientCard, useLessonClient, type StompClientProps } from './StompClient'
import styles from './HeartbeatClient.module.css'

/**
 * Lesson 12's client: the same playground client card as `<StompClient>` (Monaco editor, log,
 * console; a `stomp` solution target by name), with the heart-beat strip above it — what crossed
 * its connection as the broker saw it, and a switch that pauses its own heart-beats while the
 * socket stays open, so the learner can watch the broker detect the silence.
 */
export type HeartbeatClientProps = StompClientProps

export function HeartbeatClient(props: HeartbeatClientProps) {
  const client = useLessonClient(props, 'lesson-hb')
  return (
    <div className={styles.frame} data-widget="heartbeat-client">
      <HeartbeatStrip client={client.slot.client} />
      <div className={styles.card} style={{ ['--client-height' as string]: props.height ?? '34rem' }}>
        <LessonClientCard {...client} />
      </div>
    </div>
  )
}
