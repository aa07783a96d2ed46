// Sizes a chart needs before it draws: its own width, and the width of a label's text.
import { useLayoutEffect, useState } from "react";

/** The element's content width, kept current as it resizes; null until it is laid out.
 * Measured before the browser paints, so the first frame is already drawn to size. */
export function useWidth<T extends HTMLElement>(): [(element: T | null) => void, number | null] {
  const [target, setTarget] = useState<T | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (target === null) {
      return;
    }
    const measure = () => setWidth(target.clientWidth - horizontalPadding(target));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    return () => observer.disconnect();
  }, [target]);
  return [setTarget, width];
}

function horizontalPadding(element: HTMLElement): number {
  const style = getComputedStyle(element);
  return parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
}

let context: CanvasRenderingContext2D | null = null;

/** How wide `text` is drawn in `font` (a CSS font shorthand). */
export function textWidth(text: string, font: string): number {
  context ??= document.createElement("canvas").getContext("2d");
  if (context === null) {
    return text.length * 8;
  }
  context.font = font;
  return context.measureText(text).width;
}
