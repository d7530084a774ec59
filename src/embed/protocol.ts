/**
 * The host API's messages (postMessage between a course page and the lab in its iframe), and
 * their validation. Every message is `{ type: 'cqrs-lab:<name>', version: 1, ... }`; commands
 * carry an `id` (string or number) that the reply repeats. Documented in embed.html.
 *
 * Host to frame (commands): load { scenario } | loadLab { lab } | loadExample { example } (an
 * example's id, as in `?example=`) | play | pause | reset | set { path, value } | getReport |
 * getState { fields? } (a list of field paths; all fields without it) | getFigures.
 * Frame to host: ready { supports } once, when the address's own lab, example or link has loaded
 * (commands sent before it wait, and run in the order sent, one at a time); reply { id, result } or
 * error { id, message } for every command (a command that changes the frame answers with the state
 * it produced, `result.state`, as getState gives it), and the events progress { status, tS }, finished { figures }, height { px }, link { url }
 * (the learner pressed "Share link"), labResult { lab, passed, score: { raw, min, max, scaled },
 * terms, prediction, locked, fields } (a run of the open lab was checked; `fields`: the values of the
 * locked fields, those the check reads and those the lab's steps set).
 */
import { fieldAt } from '../../simulation/fields';
import { isLabId, LAB_IDS, type LabId } from '../labs/labTypes';

export const PROTOCOL = 'cqrs-lab';
export const PROTOCOL_VERSION = 1;
export const COMMANDS = ['load', 'loadLab', 'play', 'pause', 'reset', 'set', 'getReport', 'getState', 'getFigures', 'loadExample'] as const;
export const EVENTS = ['ready', 'progress', 'finished', 'height', 'link', 'labResult'] as const;
export type CommandName = (typeof COMMANDS)[number];

export type Command =
  | { name: 'load'; id: string | number; scenario: Record<string, unknown> }
  | { name: 'loadLab'; id: string | number; lab: LabId }
  | { name: 'set'; id: string | number; path: string; value: unknown }
  | { name: 'loadExample'; id: string | number; example: string }
  | { name: 'getState'; id: string | number; fields?: string[] }
  | { name: Exclude<CommandName, 'load' | 'loadLab' | 'set' | 'loadExample' | 'getState'>; id: string | number };

/** A command, or the one sentence that says what is wrong with the message (and its id, if it had a usable one). */
export type Parsed = { ok: true; command: Command } | { ok: false; id: string | number | null; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Most field paths one getState may ask for (the registry holds fewer). */
export const MAX_FIELDS = 500;
/** Largest command accepted, as JSON characters (a scenario is capped by the engine at 4 MiB too). */
export const MAX_MESSAGE_CHARS = 4 * 1024 * 1024;

/** Validates a message's data. Never throws, whatever `data` is (a getter that throws, a cycle, a huge object). */
export function parseCommand(data: unknown): Parsed {
  try {
    return parse(data);
  } catch {
    return { ok: false, id: null, message: 'The message could not be read.' };
  }
}

function parse(data: unknown): Parsed {
  if (!isObject(data)) return { ok: false, id: null, message: 'A message must be an object with a type, a version and an id.' };
  const rawId = data.id;
  const id = (typeof rawId === 'string' && rawId.length <= 100) || (typeof rawId === 'number' && Number.isFinite(rawId)) ? rawId : null;
  const fail = (message: string): Parsed => ({ ok: false, id, message });
  if (typeof data.type !== 'string' || !data.type.startsWith(`${PROTOCOL}:`)) return fail(`The type must be "${PROTOCOL}:<command>".`);
  if (data.version !== PROTOCOL_VERSION) return fail(`This lab speaks version ${PROTOCOL_VERSION} of the protocol.`);
  if (id === null) return fail('A command needs an id: a string of at most 100 characters or a finite number.');
  const name = data.type.slice(PROTOCOL.length + 1);
  if (!(COMMANDS as readonly string[]).includes(name)) return fail(`Unknown command "${name.slice(0, 40)}"; known: ${COMMANDS.join(', ')}.`);
  if (name === 'load') {
    if (!isObject(data.scenario)) return fail('load needs a scenario object.');
    if (JSON.stringify(data.scenario).length > MAX_MESSAGE_CHARS) return fail('The scenario is too large.');
    return { ok: true, command: { name, id, scenario: data.scenario } };
  }
  if (name === 'loadLab') {
    if (!isLabId(data.lab)) return fail(`loadLab needs a lab: one of ${LAB_IDS.join(', ')}.`);
    return { ok: true, command: { name, id, lab: data.lab } };
  }
  if (name === 'set') {
    // Paths are looked up in the engine's registry of fields, never walked.
    const field = fieldAt(data.path);
    if (!field) return fail(`set needs the path of a field the lab knows (such as queryService.instances).`);
    if (!('value' in data)) return fail('set needs a value.');
    return { ok: true, command: { name, id, path: field.path, value: data.value } };
  }
  if (name === 'loadExample') {
    // The id is looked up in the catalogue by the frame; here only its shape is checked.
    if (typeof data.example !== 'string' || data.example.length === 0 || data.example.length > 100) {
      return fail('loadExample needs the id of an example (a string of 1 to 100 characters), such as "flash-sale".');
    }
    return { ok: true, command: { name, id, example: data.example } };
  }
  if (name === 'getState') {
    if (data.fields === undefined) return { ok: true, command: { name, id } };
    if (!Array.isArray(data.fields) || data.fields.length > MAX_FIELDS) return fail(`getState's fields must be a list of at most ${MAX_FIELDS} field paths (such as "queryService.instances").`);
    // Paths are looked up in the registry, never walked; the first unknown one is named (shortened, as text).
    const unknown = data.fields.find((f) => !fieldAt(f));
    if (unknown !== undefined) return fail(`getState's fields: "${String(unknown).slice(0, 60).replace(/[^\x20-\x7e]/g, "?")}" is not a field the lab knows (such as queryService.instances).`);
    return { ok: true, command: { name, id, fields: [...new Set(data.fields as string[])] } };
  }
  return { ok: true, command: { name: name as Exclude<CommandName, 'load' | 'loadLab' | 'set' | 'loadExample' | 'getState'>, id } };
}

/** The host origins the frame answers: its own, those set at build time, and those of the deployment's file. */
export function allowedOrigins(own: string, buildList: string | undefined, fileList: unknown): Set<string> {
  const out = new Set<string>([own]);
  const add = (o: unknown) => {
    if (typeof o !== 'string') return;
    try {
      const u = new URL(o.trim());
      if (u.origin !== 'null' && (u.protocol === 'https:' || u.protocol === 'http:')) out.add(u.origin);
    } catch {
      // Not an origin: ignored (the build and the file are the deployer's, not a visitor's).
    }
  };
  for (const o of (buildList ?? '').split(',')) if (o.trim()) add(o);
  if (isObject(fileList) && Array.isArray(fileList.origins)) for (const o of fileList.origins) add(o);
  return out;
}
