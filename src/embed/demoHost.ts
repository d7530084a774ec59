/** embed.html's live demo: a host page that drives the lab in its frame with the host API. */
const frame = document.getElementById('demo-frame') as HTMLIFrameElement;
const log = document.getElementById('demo-log')!;
const frameOrigin = new URL(frame.src, location.href).origin;
let nextId = 1;

const COMMANDS: Record<string, object> = {
  load: { scenario: { version: 1, name: 'demo from the host page', durationS: 20, warmupS: 2 } },
  loadExample: { example: 'hot-shard' },
  loadLab: { lab: 'q10' },
  play: {},
  pause: {},
  reset: {},
  set: { path: 'queryService.instances', value: 4 },
  getFigures: {},
};

function show(direction: string, m: unknown): void {
  // Text only: what the frame says is never markup here.
  log.textContent = `${direction} ${JSON.stringify(m)}\n${log.textContent ?? ''}`.slice(0, 20_000);
}

for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-send]')) {
  b.addEventListener('click', () => {
    const name = b.dataset.send!;
    const m = { type: `cqrs-lab:${name}`, version: 1, id: nextId++, ...COMMANDS[name] };
    frame.contentWindow?.postMessage(m, frameOrigin);
    show('→', m);
  });
}

window.addEventListener('message', (e) => {
  if (e.origin !== frameOrigin || e.source !== frame.contentWindow) return;
  const m = e.data as { type?: string; px?: number };
  if (m.type === 'cqrs-lab:progress' && log.textContent?.startsWith('← {"type":"cqrs-lab:progress"')) {
    log.textContent = log.textContent.slice(log.textContent.indexOf('\n') + 1);
  }
  show('←', m);
});
export {}; // a module: its names stay its own
