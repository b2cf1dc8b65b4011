/** Moves within the province screens without a reload (the board's socket stays open). */
export function go(href: string): void {
  history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
