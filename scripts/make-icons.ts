/**
 * Generates every icon size from the one source image, assets/icon.svg:
 * toolbar and extension-page sizes into public/icon/ (WXT puts them in the manifest),
 * store listing sizes into assets/store/ (128 for the Chrome Web Store, 300 for Edge Add-ons).
 * Run with `npm run icons` after changing the SVG; the PNGs are committed.
 */
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';

const source = new URL('../assets/icon.svg', import.meta.url).pathname;
const targets: [string, number][] = [
  ...[16, 24, 32, 48, 96, 128].map((size): [string, number] => [`public/icon/${size}.png`, size]),
  ['assets/store/icon-128.png', 128],
  ['assets/store/icon-300.png', 300],
];

mkdirSync('public/icon', { recursive: true });
mkdirSync('assets/store', { recursive: true });
for (const [file, size] of targets) {
  await sharp(source, { density: Math.max(72, (size / 128) * 72 * 4) }).resize(size, size).png().toFile(file);
  console.log(`wrote ${file}`);
}
