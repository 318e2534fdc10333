/** The frame editor's STOMP language as data: tokens, place, completion, hover, snippets, send range. */
export * from './tokenizer'
export * from './place'
export * from './header-sets'
export * from './values'
export * from './snippets'
export * from './completion'
export * from './hover'
export * from './send-range'
