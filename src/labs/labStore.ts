/**
 * The open lab, as the page sees it. Small on purpose: it is part of the first screen's code;
 * the lab's data, panel and actions load when a lab is opened (labActions.ts).
 */
import { create } from 'zustand';
import type { CheckResult } from './checks';
import type { LabDef, LabId } from './labTypes';

export interface LabState {
  /** The lab shown, once its data has loaded. */
  def: LabDef | null;
  /** The lab being opened (its data loading), or open. */
  id: LabId | null;
  /** A sentence when a lab could not be opened (an unknown id in the address). */
  message: string | null;
  /** The check of the last finished run of this lab, in this visit. */
  result: CheckResult | null;
  /** The step whose control is highlighted (index into def.steps), or null. */
  activeStep: number | null;
  /** The "what to notice" targets are highlighted. */
  noticeShown: boolean;
}

export const useLabStore = create<LabState>()(() => ({ def: null, id: null, message: null, result: null, activeStep: null, noticeShown: false }));
