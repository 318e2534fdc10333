import Link from 'next/link'
import { NavLinks, type NavLink } from './NavLinks'
import { ThemeToggle } from './ThemeToggle'
import styles from './layout.module.css'

/** The site header: logo (home), the sections that exist, the theme toggle. */
export function TopBar({ links }: { links: readonly NavLink[] }) {
  return (
    <header className={styles.topBar}>
      <div className={styles.topBarInner}>
        <Link href="/" className={styles.brand}>
          <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true" focusable="false" className={styles.logo}>
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M5 17h5l3-7 4 13 3-9 2 3h5" fill="none" stroke="var(--bg)" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <span className={styles.brandText}>Wirelab</span>
        </Link>
        <nav aria-label="Main" className={styles.mainNav}>
          <NavLinks links={links} />
        </nav>
        <ThemeToggle />
      </div>
    </header>
  )
}
