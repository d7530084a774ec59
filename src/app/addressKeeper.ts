/** The address kept current while the scenario changes (part of the first screen; sharing.ts is not). */
import { linkCode, type ControllerCore } from './controllerCore';

/** The address is rewritten at most this often while the scenario changes (no history entries). */
const ADDRESS_EVERY_MS = 1000;

/** Keeps the address's link current, throttled; a page in a frame leaves the host's address alone. */
export class AddressKeeper {
  private timer: unknown = null;
  private lastAt = -Infinity;

  constructor(private readonly c: ControllerCore) {}

  keep(): void {
    const { host } = this.c;
    if (this.timer !== null || host.inFrame) return;
    this.timer = host.clock.schedule(
      () => {
        this.timer = null;
        this.lastAt = host.clock.now();
        void this.write();
      },
      Math.max(0, this.lastAt + ADDRESS_EVERY_MS - host.clock.now()),
    );
  }

  private async write(): Promise<void> {
    const { bridge, host } = this.c;
    const s = bridge.alive ? await bridge.call('scenarioToSave').catch(() => undefined) : undefined;
    if (!s) return;
    const hash = await (await linkCode()).linkHash(s);
    if (!host.inFrame && new URL(host.href()).hash !== hash) host.replaceAddress(hash);
  }
}
