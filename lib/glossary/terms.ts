/**
 * The course glossary: one entry per term a lesson links with `<Term id="…">` (the validator
 * checks ids), shown on /glossary. Definitions are one or two plain sentences, `backticks` for
 * code; `lesson` is the slug of the lesson that explains the term.
 */
export interface GlossaryTerm {
  readonly id: string
  readonly term: string
  readonly definition: string
  readonly lesson?: string
}

const TERMS: readonly GlossaryTerm[] = [
  { id: 'http', term: 'HTTP', definition: 'The request/response protocol of the web: a client sends a request (method, target, headers, optional body) and the server answers with one response.', lesson: 'how-http-talks' },
  { id: 'request-line', term: 'request line', definition: 'The first line of an HTTP/1.1 request: method, request target and version, e.g. `GET /hello HTTP/1.1`.', lesson: 'how-http-talks' },
  { id: 'status-line', term: 'status line', definition: 'The first line of an HTTP/1.1 response: version, status code and reason phrase, e.g. `HTTP/1.1 200 OK`.', lesson: 'how-http-talks' },
  { id: 'header-field', term: 'header field', definition: 'A `Name: value` line of an HTTP message (or `name:value` in STOMP) that carries metadata about the message.', lesson: 'how-http-talks' },
  { id: 'crlf', term: 'CRLF', definition: 'Carriage return + line feed, the two octets `0D 0A` (`\\r\\n`) that end every line of an HTTP/1.1 head.', lesson: 'how-http-talks' },
  { id: 'stateless', term: 'stateless', definition: 'Each HTTP request carries everything the server needs to answer it; the protocol itself remembers nothing between requests (cookies and tokens add state on top).', lesson: 'how-http-talks' },
  { id: 'keep-alive', term: 'keep-alive', definition: 'HTTP/1.1 reuses one TCP connection for many requests, one after another, instead of opening a connection per request. It is the default in HTTP/1.1.', lesson: 'how-http-talks' },
  { id: 'content-length', term: 'Content-Length', definition: 'A header giving the body size in octets, so the receiver knows where the message ends. STOMP has a `content-length` header with the same job.', lesson: 'how-http-talks' },
  { id: 'chunked', term: 'chunked transfer coding', definition: 'An HTTP/1.1 body sent as size-prefixed chunks ending with a zero-size chunk, for responses whose length is not known in advance (streaming).', lesson: 'how-http-talks' },
  { id: 'short-polling', term: 'short polling', definition: 'The client asks "anything new?" on a timer; the server answers at once, usually with nothing. Simple, but every empty answer costs a full request and response.', lesson: 'short-polling' },
  { id: 'cursor', term: 'cursor', definition: 'A marker of the last item the client has seen (an id, `since=42`), so the next request asks only for what came after it.', lesson: 'short-polling' },
  { id: 'long-polling', term: 'long polling', definition: 'The client asks, and the server holds the request open until it has news (or a timeout), then answers; the client asks again at once.', lesson: 'long-polling' },
  { id: 'sse', term: 'Server-Sent Events', definition: 'A `text/event-stream` response the server keeps open and writes events into; the browser\'s `EventSource` reads it and reconnects with `Last-Event-ID` when it drops.', lesson: 'server-sent-events' },
  { id: 'last-event-id', term: 'Last-Event-ID', definition: 'The request header an `EventSource` sends when it reconnects, carrying the `id` of the last event it received, so the server can resume after it.', lesson: 'server-sent-events' },
  { id: 'websocket', term: 'WebSocket', definition: 'A full-duplex, message-oriented protocol (RFC 6455) that starts as an HTTP/1.1 request and upgrades the same TCP connection; either side may send at any time.', lesson: 'websocket-handshake' },
  { id: 'upgrade', term: 'Upgrade', definition: 'The HTTP mechanism (status `101 Switching Protocols`) by which a connection that started as HTTP/1.1 switches to another protocol, such as WebSocket.', lesson: 'websocket-handshake' },
  { id: 'sec-websocket-accept', term: 'Sec-WebSocket-Accept', definition: 'The handshake response header: base64(SHA-1(`Sec-WebSocket-Key` + `258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)), proving the server understood the WebSocket request.', lesson: 'websocket-handshake' },
  { id: 'subprotocol', term: 'subprotocol', definition: 'An application protocol spoken inside WebSocket messages, agreed in the handshake with `Sec-WebSocket-Protocol` (e.g. `v12.stomp`).', lesson: 'websocket-handshake' },
  { id: 'opcode', term: 'opcode', definition: 'Four bits of a WebSocket frame header saying what the frame is: 1 text, 2 binary, 0 continuation, 8 close, 9 ping, 10 pong.', lesson: 'websocket-frames' },
  { id: 'masking', term: 'masking', definition: 'Every frame from a browser to a server is XORed with a 4-octet masking key sent in its header (RFC 6455 §5.3), so that proxies cannot be tricked into caching attacker-chosen bytes.', lesson: 'websocket-frames' },
  { id: 'ping-pong', term: 'ping / pong', definition: 'WebSocket control frames: a peer that receives a ping must answer with a pong carrying the same payload. Used to check that the other side is still there.', lesson: 'websocket-frames' },
  { id: 'close-code', term: 'close code', definition: 'The 2-octet number in a WebSocket close frame saying why the connection ends: 1000 normal, 1001 going away, 1008 policy, 1011 server error, 4000-4999 for applications.', lesson: 'websocket-frames' },
  { id: 'sockjs', term: 'SockJS', definition: 'A library and protocol that offers a WebSocket-like API and falls back to HTTP streaming or polling transports when a network or proxy blocks WebSocket.', lesson: 'sockjs-fallbacks' },
  { id: 'transport', term: 'transport', definition: 'How the bytes travel: a WebSocket, an HTTP stream, repeated polls… SockJS and engine.io pick one and can fall back to another.', lesson: 'sockjs-fallbacks' },
  { id: 'engine-io', term: 'engine.io', definition: 'The transport layer under Socket.IO: it opens with HTTP long polling, then upgrades to WebSocket when it can, framing its own packet types (open, ping, message …).', lesson: 'socket-io' },
  { id: 'socket-io', term: 'Socket.IO', definition: 'A library with its own protocol on top of engine.io: named events, acknowledgements, rooms and namespaces. A Socket.IO client cannot talk to a plain WebSocket server.', lesson: 'socket-io' },
  { id: 'stomp', term: 'STOMP', definition: 'The Simple Text Oriented Messaging Protocol: text frames (command, headers, body, NUL) for talking to message brokers; spoken over WebSocket, SockJS or TCP.', lesson: 'stomp-frames' },
  { id: 'frame', term: 'frame', definition: 'One unit of a protocol: a WebSocket frame (header + payload) or a STOMP frame (command, headers, blank line, body, NUL octet).', lesson: 'stomp-frames' },
  { id: 'nul', term: 'NUL', definition: 'The octet `00` (shown as `^@`) that ends every STOMP frame.', lesson: 'stomp-frames' },
  { id: 'broker', term: 'message broker', definition: 'A server that receives messages from publishers and routes them to subscribers by destination, holding them in queues when needed.', lesson: 'message-brokers' },
  { id: 'destination', term: 'destination', definition: 'Where a STOMP message is sent and subscribed to, such as `/topic/chat` or `/queue/jobs`; the broker decides what a name means.', lesson: 'publish-subscribe' },
  { id: 'topic', term: 'topic', definition: 'A publish-subscribe destination: every current subscriber gets a copy of every message; nobody listening means nobody gets it.', lesson: 'publish-subscribe' },
  { id: 'queue', term: 'queue', definition: 'A point-to-point destination: each message goes to exactly one consumer (round robin among several) and waits in the queue while no one listens.', lesson: 'publish-subscribe' },
  { id: 'fan-out', term: 'fan-out', definition: 'One published message delivered to many subscribers.', lesson: 'publish-subscribe' },
  { id: 'receipt', term: 'receipt', definition: 'A `RECEIPT` frame the broker sends once it has processed a client frame that carried a `receipt` header.', lesson: 'not-losing-messages' },
  { id: 'ack', term: 'acknowledgement (ACK)', definition: 'The client telling the broker it has processed a message. With `ack:client` or `client-individual` the broker redelivers what is never acknowledged.', lesson: 'not-losing-messages' },
  { id: 'nack', term: 'NACK', definition: 'The client telling the broker it did not process a message; the broker redelivers it (in Wirelab: a queue message to another subscriber when there is one, a topic message to the same subscription).', lesson: 'not-losing-messages' },
  { id: 'transaction', term: 'transaction', definition: 'SENDs and ACKs grouped between `BEGIN` and `COMMIT` (or `ABORT`): the broker applies them all at commit, or none.', lesson: 'not-losing-messages' },
  { id: 'heart-beat', term: 'heart-beat', definition: 'An EOL octet sent when nothing else is, at an interval both sides negotiate in CONNECT/CONNECTED, so each can tell the other is still alive.', lesson: 'heart-beats' },
  { id: 'authentication', term: 'authentication', definition: 'Proving who you are; in STOMP, the `login` and `passcode` headers of CONNECT.', lesson: 'security' },
  { id: 'authorization', term: 'authorization', definition: 'Deciding what an authenticated user may do, such as which destinations they may send to or subscribe to.', lesson: 'security' },
  // lessons 02-04: more terms here
  { id: 'http-streaming', term: 'HTTP streaming', definition: 'A response the server keeps open, writing each message as a chunk when it happens, instead of ending the response after one answer.', lesson: 'server-sent-events' },
  { id: 'event-stream', term: 'event stream', definition: 'The `text/event-stream` format of Server-Sent Events: UTF-8 lines `data:`, `id:`, `event:`, `retry:` and `:` comments, an empty line ending each event.', lesson: 'server-sent-events' },
  { id: 'ndjson', term: 'NDJSON', definition: 'Newline-delimited JSON: one JSON value per line, a common format for streamed responses read with `fetch`.', lesson: 'server-sent-events' },

  // lessons 05-06: more terms here
  { id: 'opening-handshake', term: 'opening handshake', definition: 'The HTTP/1.1 `GET` with `Upgrade: websocket` and the server\'s `101 Switching Protocols` answer that turn a TCP connection into a WebSocket (RFC 6455 §4).', lesson: 'websocket-handshake' },
  { id: 'sec-websocket-key', term: 'Sec-WebSocket-Key', definition: 'The handshake request header carrying 16 random octets in base64, new for every connection; the server answers it with `Sec-WebSocket-Accept`.', lesson: 'websocket-handshake' },
  { id: 'websocket-guid', term: 'WebSocket GUID', definition: 'The fixed string `258EAFA5-E914-47DA-95CA-C5AB0DC85B11` (RFC 6455 §1.3) that a server appends to the key before hashing it into `Sec-WebSocket-Accept`.', lesson: 'websocket-handshake' },
  { id: 'ws-extension', term: 'WebSocket extension', definition: 'An addition to the framing agreed in the handshake with `Sec-WebSocket-Extensions`, such as `permessage-deflate` (RFC 7692), which compresses messages and uses the RSV1 bit.', lesson: 'websocket-handshake' },
  { id: 'origin', term: 'Origin', definition: 'The request header a browser adds to a WebSocket handshake naming the page\'s origin (scheme, host, port), so the server can refuse pages it does not trust (RFC 6455 §10.2).', lesson: 'websocket-handshake' },
  { id: 'payload-length', term: 'payload length', definition: 'The size of a WebSocket frame\'s payload: 0-125 in 7 bits, or 126 then a 16-bit length, or 127 then a 64-bit length (RFC 6455 §5.2).', lesson: 'websocket-frames' },
  { id: 'fragmentation', term: 'fragmentation', definition: 'One WebSocket message sent as several frames: the first carries the opcode, the rest opcode 0 (continuation), and the last has FIN set (RFC 6455 §5.4).', lesson: 'websocket-frames' },
  { id: 'control-frame', term: 'control frame', definition: 'A WebSocket frame about the connection rather than the data: close (8), ping (9), pong (10). At most 125 payload octets, never fragmented (RFC 6455 §5.5).', lesson: 'websocket-frames' },
  { id: 'closing-handshake', term: 'closing handshake', definition: 'One side sends a Close frame (code and reason), the other answers with its own, then the TCP connection is closed (RFC 6455 §1.4, §5.5.1).', lesson: 'websocket-frames' },

  // lessons 07-08: more terms here
  { id: 'hop-by-hop-header', term: 'hop-by-hop header', definition: 'A header meant only for the next machine on the path, not the final server: `Connection`, the fields it names, `Upgrade`, `Keep-Alive`. A proxy removes them before forwarding, which is why a proxy that does not know WebSocket breaks the handshake.', lesson: 'sockjs-fallbacks' },
  { id: 'fallback-transport', term: 'fallback', definition: 'A transport used because the preferred one failed while connecting: SockJS tries WebSocket, then streaming, then polling, each with a deadline.', lesson: 'sockjs-fallbacks' },
  { id: 'sockjs-frame', term: 'SockJS frame', definition: 'What a SockJS server sends on every transport, named by its first letter: `o` open, `h` heartbeat, `a[…]` an array of messages, `c[code,"reason"]` close.', lesson: 'sockjs-fallbacks' },
  { id: 'socketio-namespace', term: 'namespace (Socket.IO)', definition: 'A channel of its own inside one Socket.IO connection (`/`, `/admin` …), joined with a CONNECT packet (`40`, `40/admin,`); each has its own handlers.', lesson: 'socket-io' },
  { id: 'socketio-ack', term: 'acknowledgement (Socket.IO)', definition: 'A reply to one emit: the client numbers the event (`421[…]`) and the server answers with an ACK carrying the same id (`431[…]`), which runs the callback.', lesson: 'socket-io' },
  { id: 'socketio-room', term: 'room (Socket.IO)', definition: 'A group of sockets kept by the server (`socket.join(room)`) so it can broadcast to all of them (`io.to(room).emit(…)`); rooms never appear in the protocol.', lesson: 'socket-io' },
  { id: 'sticky-session', term: 'sticky session', definition: 'A load balancer sending every request of one session to the same backend server (by a cookie, or a server id in the URL), needed when one session is many HTTP requests. It does not make a message published on one server reach clients of another: that takes a broker.', lesson: 'sockjs-fallbacks' },

  // lessons 09-12: more terms here
  { id: 'eol', term: 'EOL', definition: 'End of line in STOMP: a line feed (`\\n`, octet 10), optionally preceded by a carriage return in STOMP 1.2. It ends the command and every header line; an EOL on its own between frames is a heart-beat.', lesson: 'stomp-frames' },
  { id: 'header-escaping', term: 'header escaping', definition: 'In STOMP 1.1 and 1.2 a header value writes a colon as `\\c`, a line feed as `\\n`, a backslash as `\\\\` (and, in 1.2, a carriage return as `\\r`); any other backslash sequence is a fatal error. CONNECT and CONNECTED are never escaped.', lesson: 'stomp-frames' },
  { id: 'version-negotiation', term: 'version negotiation', definition: 'The client lists the STOMP versions it speaks in CONNECT\'s `accept-version`; the server picks the highest one both speak and says it in CONNECTED\'s `version`. No `accept-version` means 1.0.', lesson: 'stomp-frames' },
  { id: 'error-frame', term: 'ERROR frame', definition: 'What a STOMP server sends when something went wrong: a short `message` header, usually a body that explains. In STOMP 1.2 the server must close the connection right after it.', lesson: 'stomp-frames' },
  { id: 'subscription-id', term: 'subscription id', definition: 'The `id` a client gives a SUBSCRIBE, unique on its connection; every MESSAGE for it carries it back as `subscription`, and UNSUBSCRIBE names it.', lesson: 'publish-subscribe' },
  { id: 'message-id', term: 'message-id', definition: 'The header a broker puts on every MESSAGE to identify the message; all the copies of one published message share it, and a redelivery keeps it.', lesson: 'publish-subscribe' },
  { id: 'competing-consumers', term: 'competing consumers', definition: 'Several subscribers on one queue: each message goes to only one of them (here round robin), so they share the work instead of each getting a copy.', lesson: 'publish-subscribe' },
  { id: 'ack-mode', term: 'ack mode', definition: 'A SUBSCRIBE\'s `ack` header: `auto` (a message counts as processed when sent), `client` (the client ACKs, cumulatively) or `client-individual` (the client ACKs each message on its own).', lesson: 'not-losing-messages' },
  { id: 'redelivery', term: 'redelivery', definition: 'The broker sending a message again because it was not acknowledged (NACKed, or its consumer went away); Wirelab marks the copy `redelivered:true` and keeps its `message-id`.', lesson: 'not-losing-messages' },
  { id: 'failure-detection', term: 'failure detection', definition: 'Noticing that the other end of a connection is gone when nothing says so (a pulled cable, a frozen process): STOMP does it with heart-beats and a time window after which silence means dead.', lesson: 'heart-beats' },

  // lessons 13-15: more terms here
  { id: 'in-memory-broker', term: 'in-memory broker', definition: 'A broker that keeps subscriptions and queued messages only in its own process memory, like Spring\'s simple broker or Wirelab\'s: fast and simple, but a restart loses everything and other servers cannot see it.', lesson: 'message-brokers' },
  { id: 'user-destination', term: 'user destination', definition: 'A destination that means "this user", not one shared name: a client subscribes to `/user/queue/inbox`, and a SEND to `/user/alice/queue/inbox` reaches every connection logged in as `alice` (Spring\'s convention).', lesson: 'message-brokers' },
  { id: 'broker-relay', term: 'broker relay', definition: 'Spring\'s alternative to its simple broker: the application forwards `/topic` and `/queue` frames over TCP to an external STOMP broker (RabbitMQ, ActiveMQ) that every application server shares.', lesson: 'message-brokers' },
  { id: 'at-most-once', term: 'at-most-once delivery', definition: 'A message is delivered once or not at all: nothing is stored or retried, so a subscriber that was away misses it (Redis Pub/Sub, STOMP topics without acks).', lesson: 'message-brokers' },
  { id: 'offset', term: 'offset', definition: 'In Kafka, the position of a record in a partition\'s log. A consumer remembers the offset it has read up to, and may go back to an older one to replay.', lesson: 'message-brokers' },
  { id: 'virtual-host', term: 'virtual host', definition: 'A separate world inside one broker (its own users, permissions and destinations), chosen by the CONNECT `host` header in STOMP, like a vhost in RabbitMQ.', lesson: 'security' },
  { id: 'tls', term: 'TLS', definition: 'Transport Layer Security: encryption and server authentication under HTTP or WebSocket. `wss://` is WebSocket over TLS, just as `https://` is HTTP over TLS.', lesson: 'security' },
  { id: 'least-privilege', term: 'least privilege', definition: 'Give each user only the permissions they need (which destinations they may send to or read), and deny everything else by default.', lesson: 'security' },
  { id: 'web-worker', term: 'Web Worker', definition: 'JavaScript running in a background thread of the page, with no access to the page\'s DOM or variables; it talks to the page only through messages (`postMessage`) and can be stopped at once with `terminate()`.', lesson: 'capstone-chat' },
  { id: 'stompjs', term: '@stomp/stompjs', definition: 'A widely used STOMP client library for JavaScript: a `Client` that connects over WebSocket, reconnects, heart-beats, and offers `subscribe` and `publish`.', lesson: 'capstone-chat' },
]

export const glossary: readonly GlossaryTerm[] = [...TERMS].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }))

const byId = new Map(TERMS.map((t) => [t.id, t]))

export function findTerm(id: string): GlossaryTerm | undefined {
  return byId.get(id)
}
