/** What every task-pane test under jsdom sets up: Testing Library's ceilings and a layout-free requestAnimationFrame. */
import { configure } from "@testing-library/react";

/**
 * Fluent UI renders slowly under jsdom on a loaded 2-core machine. These are ceilings, not waits:
 * each find waits for the state the UI reaches, however long a loaded machine takes to get there
 * (`testTimeoutMs` for a whole test). jsdom has no layout: requestAnimationFrame runs the callback
 * at once.
 */
export function paneUnderJsdom(testTimeoutMs: number): void {
  configure({ asyncUtilTimeout: 30_000 });
  jest.setTimeout(testTimeoutMs);
  beforeAll(() => {
    window.requestAnimationFrame = (callback: FrameRequestCallback): number => {
      callback(0);
      return 0;
    };
  });
}
