/** Where each lab's data lives: one small module per lab, loaded only when it is needed. */
import type { LabDef, LabId } from './labTypes';
import { LAB_IDS } from './labTypes';

const LOADERS: Record<LabId, () => Promise<{ lab: LabDef }>> = {
  q1: () => import('./defs/q1'),
  q2: () => import('./defs/q2'),
  q3: () => import('./defs/q3'),
  q4: () => import('./defs/q4'),
  q5: () => import('./defs/q5'),
  q6: () => import('./defs/q6'),
  q7: () => import('./defs/q7'),
  q8: () => import('./defs/q8'),
  q9: () => import('./defs/q9'),
  q10: () => import('./defs/q10'),
};

export const loadLab = (id: LabId): Promise<LabDef> => LOADERS[id]().then((m) => m.lab);

/** Every lab, in the quiz's order (for the Labs menu). */
export const loadAllLabs = (): Promise<LabDef[]> => Promise.all(LAB_IDS.map(loadLab));
