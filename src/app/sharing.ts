/**
 * The scenario leaving the page: "Share link", "Save scenario", the report's download, and the
 * scenario handed to a study or a lab's check. Loaded on first use, after the first screen
 * (createController.ts); the address kept current is `addressKeeper.ts`.
 */
import type { Scenario } from '../../simulation/index';
import { withoutEmbedOptions } from '../embed/embedOptions';
import { linkCode, type ControllerCore } from './controllerCore';

/** The link hash (`#s=2.…`) of the scenario with its interventions, as "Share link" makes it. */
export async function currentLink(c: ControllerCore): Promise<string | undefined> {
  const s = await c.scenarioToSave();
  return s ? (await linkCode()).linkHash(s) : undefined;
}

/** Downloads the scenario: the loaded settings plus every intervention, so the run replays. */
export async function saveScenario(c: ControllerCore): Promise<void> {
  const s = await c.scenarioToSave();
  if (s) await c.host.download(s, `${s.name.replace(/[^\w.-]+/g, '-') || 'scenario'}.json`);
}

/**
 * Puts the scenario (with its interventions) in the address and copies the link if allowed. In a
 * frame the address is the host's business: the link is copied, or shown to copy by hand.
 */
export async function shareLink(c: ControllerCore): Promise<void> {
  const s = await c.scenarioToSave();
  if (!s) return;
  const { host } = c;
  const hash = await (await linkCode()).linkHash(s);
  // From a frame, the link opens the normal page in a tab of its own: the embed options stay behind.
  const url = (host.inFrame ? withoutEmbedOptions(host.href()) : host.href().replace(/#.*$/, '')) + hash;
  if (!host.inFrame) host.replaceAddress(hash);
  let copied = false;
  try {
    await host.copy(url);
    copied = true;
  } catch {
    // No clipboard permission (a frame without clipboard-write, plain http).
  }
  const n = s.interventions.length;
  const its = `its ${n} intervention${n === 1 ? '' : 's'}`;
  if (host.inFrame) {
    // The host API (src/embed/hostApi.ts), when loaded, passes the link on to the host page.
    host.announceLink(url);
    c.run.setState({ notice: copied ? `Link to this scenario with ${its} copied.` : `Link to this scenario: ${url}` });
  } else c.run.setState({ notice: `The address now links to this scenario with ${its}${copied ? ' (copied)' : ''}.` });
}

/** The scenario as the run stands now (at a run's end: the values it ended with), from the worker. */
export async function scenarioNow(c: ControllerCore): Promise<Scenario | undefined> {
  return c.bridge.alive ? c.guarded(() => c.bridge.call('scenarioNow')) : undefined;
}

/** Downloads the report as the CLI prints it with --json. */
export async function saveReport(c: ControllerCore): Promise<void> {
  const r = await c.guarded(() => c.bridge.call('report'));
  if (!r) return;
  const { fileNameOf } = await import('../lib/download');
  await c.host.download(r, `${fileNameOf(r.scenario, 'scenario')}-report.json`);
}
