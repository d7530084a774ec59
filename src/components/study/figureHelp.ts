import { figureAt } from '../../../simulation/figures';

/** A figure's help and unit from the engine's registry, for a tooltip. */
export function figureHelp(id: string): string | undefined {
  const f = figureAt(id);
  return f ? `${f.help} (${f.unit})` : undefined;
}
