/**
 * Why the HTTP server could not listen, in the one line main.ts prints before exiting 1. Each
 * names the setting to change, like a bad value in server/config.ts does:
 *
 *   HOST="nope" is not a name this machine can resolve (getaddrinfo ENOTFOUND); …
 *
 * `null` for any other error: the caller lets it surface as it is.
 */
export interface ListenTarget {
  readonly host: string
  readonly port: number
}

const USE_INSTEAD = 'use an address of this machine (127.0.0.1 for this computer only, 0.0.0.0 for every interface) or a name that resolves to one'

export function listenErrorMessage(error: unknown, { host, port }: ListenTarget): string | null {
  const code = typeof error === 'object' && error !== null ? (error as NodeJS.ErrnoException).code : undefined
  const HOST = `HOST=${JSON.stringify(host)}`
  switch (code) {
    case 'EADDRINUSE':
      return `PORT ${port} is busy on ${host} (is Wirelab already running?); set PORT to another port`
    case 'EACCES':
      return `PORT ${port} on ${host} needs privileges; use a port above 1023`
    case 'ENOTFOUND':
      return `${HOST} is not a name this machine can resolve (getaddrinfo ENOTFOUND); ${USE_INSTEAD}`
    case 'EAI_AGAIN':
      return `${HOST} could not be resolved: the name server did not answer (getaddrinfo EAI_AGAIN); ${USE_INSTEAD}`
    case 'EADDRNOTAVAIL':
      return `${HOST} is not an address of this machine (EADDRNOTAVAIL); ${USE_INSTEAD}`
    default:
      return null
  }
}
