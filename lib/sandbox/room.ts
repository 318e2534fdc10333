/**
 * The capstone's chat room: one per browser tab, so a classroom of learners on one Wirelab does
 * not talk over each other (and no one's bot answers another's). Made from the tab's cid, so the
 * page (lib/sandbox) and the exercise check (lib/exercises/capstone-chat.ts) agree on it without
 * telling each other. Room names allow letters, digits, `_` and `-` (server/broker/destinations/app.ts).
 */
export function roomFor(cid: string): string {
  const clean = cid.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 6)
  return `lab-${clean === '' ? 'room' : clean}`
}

export const chatTopic = (room: string) => `/topic/chat.${room}`
