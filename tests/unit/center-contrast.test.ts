/**
 * The error-code badge of an explanation (.sl-code in components/errors/explain.css, shared by the
 * Sync Center, the popup and the QuickBooks page's chip) is red text on its own tint: 12 px text
 * needs 4.5:1 (WCAG AA) on every background it sits on, light and dark. Computed from the
 * stylesheets themselves, so a colour change that breaks it fails here before axe sees it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const explainCss = readFileSync(resolve('components/errors/explain.css'), 'utf8');
const baseCss = readFileSync(resolve('components/common/base.css'), 'utf8');

/** Custom properties of the first block in `css` (light), then of the dark-mode block. */
function variables(css: string): { light: Record<string, string>; dark: Record<string, string> } {
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const read = (text: string) => Object.fromEntries([...text.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
  const darkBlock = css.slice(darkStart, css.indexOf('\n}\n', darkStart));
  const light = read(css.slice(0, darkStart));
  return { light, dark: { ...light, ...read(darkBlock) } };
}

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as Rgb;
const mix = (fg: Rgb, bg: Rgb, a: number): Rgb => fg.map((f, i) => f * a + bg[i]! * (1 - a)) as Rgb;
const luminance = (c: Rgb) => {
  const [r, g, b] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** The .sl-code rule: which variable its text uses, and which variable (at what %) tints it. */
function badgeRule() {
  const rule = /\.sl-code\s*\{([^}]*)\}/.exec(explainCss)![1]!;
  const color = /(?:^|[;\s])color:\s*var\((--[\w-]+)\)/.exec(rule)![1]!;
  const tint = /background:\s*color-mix\(in srgb, var\((--[\w-]+)\) (\d+)%, transparent\)/.exec(rule)!;
  return { color, tint: tint[1]!, percent: Number(tint[2]) / 100 };
}

describe('error-code badge contrast', () => {
  const sl = variables(explainCss);
  const page = variables(baseCss);
  const { color, tint, percent } = badgeRule();

  for (const scheme of ['light', 'dark'] as const) {
    it(`is at least 4.5:1 on every background it sits on, ${scheme}`, () => {
      const v = sl[scheme];
      const p = page[scheme];
      // The chip and popup (--sl-bg), the Sync Center's row panel and grouped rows (--surface, --surface-2), the page (--bg),
      // and the chip's failed box (the failed colour at 6 % over --sl-bg, components/overlay/overlay.css).
      const backgrounds: Record<string, Rgb> = {
        'sl-bg': rgb(v['--sl-bg']!),
        bg: rgb(p['--bg']!),
        surface: rgb(p['--surface']!),
        'surface-2': rgb(p['--surface-2']!),
        'failed box': mix(rgb(v['--sl-failed']!), rgb(v['--sl-bg']!), 0.06),
      };
      for (const [name, bg] of Object.entries(backgrounds)) {
        const badge = mix(rgb(v[tint]!), bg, percent);
        const ratio = contrast(rgb(v[color]!), badge);
        expect(ratio, `${color} on ${tint} ${Math.round(percent * 100)} % over ${name}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
