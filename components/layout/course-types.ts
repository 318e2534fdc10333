/** What the layout needs to know about a lesson (app/_lib's LessonSummary fits this shape). */
export type CourseLesson = { number: number; slug: string; title: string; summary: string; exercises: readonly string[] }

export type CoursePart = { title: string; lessons: readonly CourseLesson[] }

export const lessonHref = (slug: string) => `/learn/${slug}`

export const lessonNumber = (n: number) => String(n).padStart(2, '0')
