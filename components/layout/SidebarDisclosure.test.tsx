// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { SidebarDisclosure } from './SidebarDisclosure'

afterEach(cleanup)

it('the disclosure button controls the panel and reports its state', () => {
  render(
    <SidebarDisclosure label="Course contents">
      <nav aria-label="Course">lessons</nav>
    </SidebarDisclosure>,
  )
  const button = screen.getByRole('button', { name: 'Course contents' })
  const panel = document.getElementById(button.getAttribute('aria-controls') ?? '')
  expect(panel?.textContent).toBe('lessons')
  expect(button.getAttribute('aria-expanded')).toBe('false')
  expect(panel?.parentElement?.dataset.open).toBe('false')
  fireEvent.click(button)
  expect(button.getAttribute('aria-expanded')).toBe('true')
  expect(panel?.parentElement?.dataset.open).toBe('true')
})
