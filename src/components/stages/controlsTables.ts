/** For tests: the id a "Show as a table" button controls (`aria-controls`), and whether that element of `html` holds a table. */
export function controlledTables(html: string, button: string): { id: string | null; holdsTable: boolean } {
  const id = new RegExp(`<button[^>]*aria-controls="([^"]+)"[^>]*>${button}</button>`).exec(html)?.[1] ?? null;
  if (id === null) return { id, holdsTable: false };
  const at = html.indexOf(` id="${id}"`);
  return { id, holdsTable: at >= 0 && html.slice(at).startsWith(` id="${id}"`) && /^[^>]*>\s*(<div[^>]*>\s*)?<table/.test(html.slice(at)) };
}
