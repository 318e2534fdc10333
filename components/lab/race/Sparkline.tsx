import { sparkline } from '@/lib/inspect/race'
import styles from '../TransportRace.module.css'

const W = 200
const H = 40

/** A tiny line chart on a shared scale (0..max); null values leave gaps. Inline SVG, no library. */
export function Sparkline({ values, max, slots, label }: { values: readonly (number | null)[]; max: number; slots: number; label: string }) {
  const { path } = sparkline(values, W, H, max, slots)
  return (
    <svg className={styles.spark} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
      <line x1={0} y1={H - 0.5} x2={W} y2={H - 0.5} className={styles.sparkAxis} />
      {path ? <path d={path} className={styles.sparkLine} vectorEffect="non-scaling-stroke" /> : null}
    </svg>
  )
}
