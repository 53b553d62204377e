/**
 * Series colours and the second cue beside them.
 *
 * Every colour has a contrast of at least 4.5:1 against white (WCAG 1.4.11 asks 3:1 of graphics), so bars and lines
 * stay visible on screen and on paper. Colour is never the only cue (WCAG 1.4.1): series after the first get a
 * hatching pattern (bars, slices) or a dash and marker shape (lines), which survive black-and-white print and
 * forced-colors mode, where site.css repaints the marks in system colours and leaves the patterns to tell them apart.
 */
export const SERIES_COLOURS = [
  '#1f5fa8', // blue 6.4:1
  '#c0561b', // orange 4.6:1
  '#2e7d32', // green 5.1:1
  '#7b3fa0', // purple 6.9:1
  '#00758a', // teal 5.4:1
  '#8a6d00', // ochre 4.9:1
  '#a8201a', // red 7.3:1
  '#4f5b66', // slate 7.0:1
] as const;

/** Text and axes. */
export const INK = '#1a1a1a';
export const MUTED_INK = '#4a4a4a';
export const GRID = '#c8c8c8';

/** Sequential scale of the heatmap, light → dark; the text colour that passes 4.5:1 on each step. */
export const HEAT_STEPS = [
  { fill: '#f4f6f8', text: INK },
  { fill: '#e8f0fa', text: INK },
  { fill: '#b9d0ec', text: INK },
  { fill: '#7ea9da', text: INK },
  { fill: '#1f5fa8', text: '#ffffff' },
  { fill: '#123d6e', text: '#ffffff' },
] as const;

export function seriesColour(i: number): string {
  return SERIES_COLOURS[i % SERIES_COLOURS.length];
}

/** Hatch patterns (path in a 6×6 tile), one per series after the first; series 0 is solid. */
const HATCHES = [
  null,
  'M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2', // diagonal
  'M3,0 v6', // vertical
  'M0,3 h6', // horizontal
  'M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2 M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2', // cross
  'M1.5,1.5 h0.01 M4.5,4.5 h0.01', // dots (round caps)
  'M0,0 l6,6 M-1,5 l2,2 M5,-1 l2,2', // back-diagonal
  'M0,3 h6 M3,0 v6', // grid
] as const;

export function hatchPath(i: number): string | null {
  return HATCHES[i % HATCHES.length];
}

/** Stroke dash of the i-th line series (first solid). */
export function lineDash(i: number): string | undefined {
  return [undefined, '6 3', '2 3', '8 3 2 3'][i % 4];
}

/** Marker shape of the i-th line series. */
export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';
export function lineMarker(i: number): Marker {
  return (['circle', 'square', 'triangle', 'diamond'] as const)[i % 4];
}

/** Step of the heatmap scale for a value in [0, max]: 0 has its own pale step, the rest split evenly. */
export function heatStep(value: number, max: number): (typeof HEAT_STEPS)[number] {
  if (!(value > 0) || !(max > 0)) return HEAT_STEPS[0];
  const n = HEAT_STEPS.length - 1;
  const k = Math.min(n, Math.max(1, Math.ceil((value / max) * n)));
  return HEAT_STEPS[k];
}
