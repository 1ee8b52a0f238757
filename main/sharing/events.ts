/**
 * Progress events of the sharing services, emitted through an injected function so the app can
 * forward them to the renderer. Plain data only.
 */
import type { StepStatus, SharingEvent } from '../../preload/contract/sharing-views';
export type { StepStatus, SharingEvent };

export type SharingEmitter = (event: SharingEvent) => void;

export const ignoreEvents: SharingEmitter = () => undefined;
