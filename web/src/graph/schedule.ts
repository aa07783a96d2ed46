/** Runs `task` in a task of its own once the browser has painted what is on screen now,
 * so that work started by new data does not hold back the page that shows the data.
 * Returns a function that cancels it. */
export function afterPaint(task: () => void): () => void {
  let timer: number | undefined;
  // A frame's callbacks run just before it is painted; a timeout set there runs after.
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}
