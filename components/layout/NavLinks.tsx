'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import styles from './layout.module.css'

export type NavLink = { href: string; label: string }

/** Top-bar links; the section you are in gets aria-current. */
export function NavLinks({ links }: { links: readonly NavLink[] }) {
  const pathname = usePathname()
  const current = (href: string) => {
    if (href === '/#course') return pathname === '/' || pathname.startsWith('/learn')
    return pathname === href || pathname.startsWith(`${href}/`)
  }
  return (
    <ul className={styles.navList}>
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className={styles.navLink} aria-current={current(link.href) ? 'page' : undefined}>
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  )
}
