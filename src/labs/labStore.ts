/**
 * The open lab, as the page sees it. Small on purpose: it is part of the first screen's code;
 * the lab's data, panel and actions load when a lab is opened (labActions.ts).
 */
import { create } from 'zustand';
import type { CheckResult } from './checks';
import type { LabDef, LabId } from './labTypes';
import type { Speed } from '../worker/runner';

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
  /** The lab is running its starting system (opened by address or menu), to keep it as "before". */
  observing: boolean;
  /** The speed the student had set, put back once the starting system's run has ended. */
  speedBefore: Speed | null;
  /** What the lab's live region says: the latest result, in one sentence. */
  announce: string;
  /** The step whose "Show" moved the focus away, to come back to with Escape or "Back to the lab". */
  returnTo: number | null;
}

export const initialLabState = {
  def: null,
  id: null,
  message: null,
  result: null,
  activeStep: null,
  noticeShown: false,
  observing: false,
  speedBefore: null,
  announce: '',
  returnTo: null,
} satisfies LabState;

export const useLabStore = create<LabState>()(() => ({ ...initialLabState }));
