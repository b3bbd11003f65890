// Accessibility checks with axe-core, the checker browsers' own developer tools build on. The
// plain package is evaluated in the page under test, so its rules run in Debian's Chromium on
// the real app. The message body frames hold the sender's HTML, not ours: they are left out.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

/** The impacts that block or seriously hinder someone: these fail a test. */
const FAILING_IMPACTS = ['serious', 'critical'];

/** A rule spared for the elements a selector matches, never for the whole page, and why. */
export interface SparedRule {
  rule: string;
  selector: string;
  why: string;
}

/**
 * The app's own design decisions axe cannot know about. Each is checked by other means (the
 * e2e tests' role and name queries), and each says why the rule does not apply there.
 */
export const APP_SPARED_RULES: readonly SparedRule[] = [
  {
    rule: 'label-content-name-mismatch',
    selector: '.folder-tree [role="treeitem"]',
    why:
      'the unread badge is not part of the folder’s label: a folder is named by its name and its ' +
      'count is its description (docs/accessibility.md), so "click Inbox" works for speech input',
  },
  {
    rule: 'label-content-name-mismatch',
    selector: '.message-row[role="option"]',
    why:
      'a row’s name holds its sender and subject (docs/accessibility.md), starting with the sender ' +
      'the row starts with; the snippet under them is a visual preview of the body, not a label',
  },
];

interface Violation {
  rule: string;
  impact: string;
  help: string;
  target: string;
  /** axe's own words about this element, e.g. the colours and ratio of a contrast failure. */
  detail: string;
}

/** The serious and critical violations in the page's document, one readable line each. */
export async function accessibilityViolations(
  page: Page,
  spared: readonly SparedRule[] = APP_SPARED_RULES,
  /** Only this part of the page (a menu, a dialog): what a test of that part is about. */
  within?: string,
): Promise<string[]> {
  // evaluated, not added as a <script>: the app's Content-Security-Policy (script-src 'self')
  // rightly refuses inline scripts, and the check must not loosen what it checks
  if (!(await page.evaluate(() => 'axe' in window))) {
    const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(source);
  }
  const found = await page.evaluate(
    async ({ impacts, spared, within }) => {
      type Result = {
        violations: {
          id: string;
          impact?: string | null;
          help: string;
          nodes: { target: string[]; any: { message: string }[] }[];
        }[];
      };
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }).axe;
      const result = await axe.run(
        // the body frames (the shown one and the pre-rendered neighbours) hold the sender's HTML
        { ...(within ? { include: [[within]] } : {}), exclude: [['iframe.message-frame']] },
        // iframes: false, or axe would wait for an answer from frames it was never injected into
        { resultTypes: ['violations'], iframes: false },
      );
      const violations: Violation[] = [];
      for (const violation of result.violations) {
        if (!impacts.includes(violation.impact ?? '')) continue;
        for (const node of violation.nodes) {
          const target = node.target.join(' ');
          const element = document.querySelector(node.target[node.target.length - 1]!);
          const isSpared = spared.some(
            (spare) => spare.rule === violation.id && element !== null && element.matches(spare.selector),
          );
          if (!isSpared)
            violations.push({
              rule: violation.id,
              impact: violation.impact ?? '',
              help: violation.help,
              target,
              detail: node.any[0]?.message ?? '',
            });
        }
      }
      return violations;
    },
    {
      impacts: FAILING_IMPACTS,
      spared: spared.map(({ rule, selector }) => ({ rule, selector })),
      within: within ?? null,
    },
  );
  return found.map(
    (violation) =>
      `${violation.rule} (${violation.impact}) at ${violation.target}: ${violation.help}` +
      (violation.detail ? ` (${violation.detail})` : ''),
  );
}
