/**
 * The capstone's code: what the sandbox starts with, and the solution "Show solution" puts in
 * it. Both run in the sandbox worker with the globals `Client` (@stomp/stompjs), `brokerURL` and
 * `room` (protocol.ts). Bob, the other participant, is the page's own client: it logs in as
 * `bob` and says so in a CONNECT header, so the exercise check can tell his connection apart.
 */
export const BOB_LOGIN = 'bob'
/** CONNECT header Bob's client sends (the broker ignores unknown CONNECT headers). */
export const PARTICIPANT_HEADER = 'wirelab-participant'

export const CHAT_STARTER = `// Your chat client. It runs in a Web Worker: no page, no DOM,
// only the console below. Given to you: Client (from @stomp/stompjs),
// brokerURL and room (your own).
const me = 'ada'

const client = new Client({
  brokerURL,
  connectHeaders: { login: me },
  onConnect: () => {
    console.log('connected as', me, 'to room', room)
    // 1. Subscribe to /topic/chat.<room>; print each message as
    //    "sender: text". A message's body is a string of JSON:
    //    {"text", "room", "sender", "time"}.

    // 2. Say hello: publish to /app/chat.send, with a header "room"
    //    and a JSON body {"text": …}.

    // 3. When someone else (Bob) says something, greet them by name.
  },
  onStompError: (frame) => console.error(frame.headers.message),
})

client.activate()
`

export const CHAT_SOLUTION = `// A chat client: join the room, say hello, greet whoever speaks.
const me = 'ada'

const client = new Client({
  brokerURL,
  connectHeaders: { login: me },
  onConnect: () => {
    console.log('connected as', me, 'to room', room)
    client.subscribe(\`/topic/chat.\${room}\`, (message) => {
      const chat = JSON.parse(message.body)
      const clock = chat.time.slice(11, 19)
      console.log(\`[\${clock}] \${chat.sender}: \${chat.text}\`)
      // never answer yourself: your own messages come back to you too
      if (chat.sender !== me) say(\`Hello, \${chat.sender}!\`)
    })
    say('Hi, I am ' + me)
  },
  onStompError: (frame) => console.error(frame.headers.message),
})

function say(text) {
  client.publish({
    destination: '/app/chat.send',
    headers: { room },
    body: JSON.stringify({ text }),
  })
}

client.activate()
`
