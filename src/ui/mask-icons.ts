// PatternFly icons as CSS masks, for rows mounted by the thousand (decision 053): a bare <svg> icon is two elements
// (the <svg> and its <path>) in every row on screen, each restyled and laid out when the row mounts; a `::before`
// painted through a mask is none. The shapes are PatternFly's own (the icons' exported path data), so the marks look
// as the icon components draw them, and take their color from `currentColor` or a token.
import type { IconData } from '@patternfly/react-icons/dist/esm/createIcon';

/** A `url(…)` value for `mask-image`: the icon's default set (the console never shows the Red Hat set). */
export function maskImage({ icon }: { icon: IconData }): string {
  const d = typeof icon.svgPathData === 'string' ? icon.svgPathData : (icon.svgPathData ?? []).map((p) => p.path).join(' ');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${icon.xOffset ?? 0} ${icon.yOffset ?? 0} ${icon.width} ${icon.height}"><path d="${d}"/></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
}
