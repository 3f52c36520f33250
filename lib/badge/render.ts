/** Applies a BadgeView to the toolbar button. */
import { browser } from 'wxt/browser';
import type { BadgeView } from './states';

export async function renderBadge(view: BadgeView): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: view.text }),
    browser.action.setBadgeBackgroundColor({ color: view.color }),
    browser.action.setTitle({ title: view.title }),
  ]);
}
