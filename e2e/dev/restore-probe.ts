// globalSetup and globalTeardown of playwright.dev.config.ts: the probe file is pristine before
// the dev suite starts (a previous run may have been killed mid-edit) and after it ends.
import { restoreProbe } from './probe-file'

export default function globalHook(): void {
  restoreProbe()
}
