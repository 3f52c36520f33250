/** The build's last step on popup.html: the stylesheet written into the page, WXT's empty plugin loader dropped. */
import { describe, expect, it } from 'vitest';
import { finishPopupPage, POPUP_STYLESHEET } from '../../scripts/lib/popup-page';

const BUILT = `<!DOCTYPE html>
<html lang="en">
  <head>
    <title>SyncLens</title>
    <link rel="stylesheet" href="${POPUP_STYLESHEET}" >
    <script type="module" crossorigin src="/chunks/_virtual_wxt-html-plugins-P2Xu9kJm.js"></script>
  </head>
  <body>
    <div id="app"></div>
    <script src="/popup-app.js" ></script>
  </body>
</html>`;

describe('finishPopupPage', () => {
  it('writes the stylesheet into the page and leaves the classic script as the only file loaded', () => {
    const page = finishPopupPage(BUILT, '.wizard-row{height:52px}\n', 0);
    expect(page).toContain('<style>.wizard-row{height:52px}</style>');
    expect(page).not.toContain('<link');
    expect(page).not.toContain('_virtual_wxt-html-plugins');
    expect(page.match(/<script\b/g)).toHaveLength(1);
    expect(page).toContain('<script src="/popup-app.js" ></script>');
  });

  it('keeps "$&" and other replacement patterns in the stylesheet as written', () => {
    expect(finishPopupPage(BUILT, '.a::after{content:"$&$1"}', 0)).toContain('<style>.a::after{content:"$&$1"}</style>');
  });

  it('fails the build when a WXT plugin would have to run in the popup: the module script stays and is refused', () => {
    expect(() => finishPopupPage(BUILT, '.a{}', 1)).toThrow(/module script/);
  });

  it('fails the build when the page no longer links the stylesheet it is meant to hold', () => {
    expect(() => finishPopupPage(BUILT.replace(POPUP_STYLESHEET, '/assets/other.css'), '.a{}', 0)).toThrow(/no longer links/);
  });

  it('refuses a stylesheet that would close the style element early', () => {
    expect(() => finishPopupPage(BUILT, '.a{} </style><script>alert(1)</script>', 0)).toThrow(/<\/style/);
  });
});
