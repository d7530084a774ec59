import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario, MAX_SCENARIO_CHARS as ENGINE_MAX, parseScenario, parseScenarioText } from '../../simulation/index';
import corpus from './fixtures/linkCorpus.json';
import { LINK_BASE_2 } from './linkBase2';
import { applyDiff, diffFrom, encodeScenario, inflateBounded, LINK_FORMAT, linkHash, MAX_SCENARIO_CHARS, readLink } from './shareLink';

/** The scenario a link's text gives once the engine has validated it (defaults filled in). */
async function scenarioOf(hash: string) {
  const r = await readLink(hash);
  if (r.kind !== 'scenario') throw new Error(`not a scenario: ${JSON.stringify(r)}`);
  const p = parseScenarioText(r.text);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.scenario;
}

function parsed(input: unknown) {
  const p = parseScenario(input);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.scenario;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(out).arrayBuffer());
}
const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');

const withChanges = () => ({
  ...defaultScenario(),
  interventions: [
    { atS: 3.217, set: 'queryService.instances', value: 4 },
    { atS: 5.5, set: 'cache.enabled', value: true },
    { atS: 8.004, set: 'workload.rps', value: 800 },
  ],
});

describe('shareLink', () => {
  it('linkHash() and readLink() round-trip a scenario with live changes, non-ASCII names included', async () => {
    const s = { ...withChanges(), name: 'flash sale – été' };
    const h = await linkHash(s);
    expect(h.startsWith(`#s=${LINK_FORMAT}.`)).toBe(true);
    expect(await scenarioOf(h)).toEqual(parsed(s));
  });

  it('linkHash() of the default scenario with three live changes is well under 1,000 characters', async () => {
    const h = await linkHash(withChanges());
    // The same scenario as a format-1 link was over 2,000 characters.
    expect(`#scenario=${encodeScenario(withChanges())}`.length).toBeGreaterThan(2000);
    expect(h.length).toBeLessThan(300);
  });

  it('readLink() loads every link of the corpus (every format) as the scenario it was made from', async () => {
    const formats = new Set<number>();
    for (const e of corpus.links as { format: number; from: string; hash: string; scenario?: unknown }[]) {
      formats.add(e.format);
      const source = e.scenario ?? JSON.parse(readFileSync(e.from, 'utf8'));
      expect(await scenarioOf(e.hash), `${e.format} ${e.from}`).toEqual(parsed(source));
    }
    expect([...formats].sort()).toEqual(Array.from({ length: LINK_FORMAT }, (_, i) => i + 1));
  });

  it('LINK_BASE_2 is still a valid scenario (links of format 2 are differences from it)', () => {
    expect(parseScenario(LINK_BASE_2).ok).toBe(true);
  });

  it('readLink() ignores hashes that are not scenario links', async () => {
    for (const h of ['', '#', '#top', '#x=1', '#example=flash-sale']) expect(await readLink(h)).toEqual({ kind: 'none' });
  });

  it('readLink() calls truncated, flipped, non-base64, non-JSON and unknown-format links damaged', async () => {
    const good = await linkHash(withChanges());
    const bad = [
      good.slice(0, good.length - 7),
      good.slice(0, 9),
      good.replace(/.$/, good.endsWith('A') ? 'B' : 'A').replace(/(.{12})./, '$1*'),
      '#s=2.%%%%',
      `#s=2.${b64url(await deflate(new TextEncoder().encode('{"version": 1,')))}`,
      `#s=2.${b64url(new Uint8Array([255, 254, 1, 2, 3]))}`,
      '#s=0.abc',
      '#s=',
      '#s=x',
      '#scenario=(not a scenario)',
      `#scenario=${b64url(new Uint8Array([0xc3, 0x28]))}`, // not UTF-8
      `#scenario=${b64url(new TextEncoder().encode('{"version":1'))}`,
    ];
    for (const h of bad) expect(await readLink(h), h).toEqual({ kind: 'bad', why: 'damaged' });
  });

  it('readLink() refuses a newer format, and an over-long link before decoding it', async () => {
    expect(await readLink('#s=3.abc')).toEqual({ kind: 'bad', why: 'newer' });
    expect(await readLink(`#s=2.${'A'.repeat(6 * 1024 * 1024)}`)).toEqual({ kind: 'bad', why: 'too-large' });
  });

  it('readLink() stops inflating a compression bomb past MAX_SCENARIO_CHARS', async () => {
    // 64 MiB of spaces compress to about 64 KiB; the link must be refused without inflating it all.
    const bomb = await deflate(new Uint8Array(64 * 1024 * 1024).fill(32));
    expect(bomb.length).toBeLessThan(200_000);
    expect(await readLink(`#s=2.${b64url(bomb)}`)).toEqual({ kind: 'bad', why: 'too-large' });
    expect(await inflateBounded(bomb, 1000)).toBe('too-large');
  });

  it('MAX_SCENARIO_CHARS agrees with the engine', () => {
    expect(MAX_SCENARIO_CHARS).toBe(ENGINE_MAX);
  });

  it('applyDiff() keeps __proto__ a plain key and changes no prototype', async () => {
    const diff = JSON.parse('{"__proto__":{"polluted":"yes"},"queryService":{"__proto__":{"instances":9}}}');
    const out = applyDiff(LINK_BASE_2, diff) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    // The engine then names the unknown field.
    const link = `#s=2.${b64url(await deflate(new TextEncoder().encode(JSON.stringify(diff))))}`;
    const r = await readLink(link);
    expect(r.kind).toBe('scenario');
    expect(parseScenarioText((r as { text: string }).text).ok).toBe(false);
  });

  it('applyDiff(base, diffFrom(base, v)) is v for any JSON without null (scenarios have none)', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), fc.boolean(), fc.array(tie('value'), { maxLength: 3 }), tie('object')),
      object: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'type', 'ms'), tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(json.object, json.object, (base, v) => {
        const d = diffFrom(base, v);
        const back = typeof d === 'symbol' ? base : applyDiff(base, d);
        expect(back).toEqual(v);
      }),
    );
  });
});
