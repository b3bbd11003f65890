// No component shows a person a string that bypasses t(): JSX text with letters and string
// literals in aria-label, title, placeholder, alt (and the other attributes people read)
// fail this test. Parsed with the TypeScript compiler, so comments, class names and t('key')
// arguments never count.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const RENDERER = path.resolve(import.meta.dirname, '../../renderer');
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);
const HAS_LETTER = /\p{L}/u;

interface LiteralFinding {
  file: string;
  line: number;
  text: string;
}

/** String literals that reach the screen from this expression (t() calls and other calls excepted). */
function visibleLiterals(expression: ts.Expression): string[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
  if (ts.isTemplateExpression(expression)) {
    return [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)];
  }
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression))
    return visibleLiterals(expression.expression);
  if (ts.isConditionalExpression(expression))
    return [...visibleLiterals(expression.whenTrue), ...visibleLiterals(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const kind = expression.operatorToken.kind;
    if (
      kind === ts.SyntaxKind.PlusToken ||
      kind === ts.SyntaxKind.BarBarToken ||
      kind === ts.SyntaxKind.QuestionQuestionToken ||
      kind === ts.SyntaxKind.AmpersandAmpersandToken
    ) {
      return [
        ...(kind === ts.SyntaxKind.AmpersandAmpersandToken ? [] : visibleLiterals(expression.left)),
        ...visibleLiterals(expression.right),
      ];
    }
  }
  return [];
}

function findLiteralStrings(fileName: string, source: string): LiteralFinding[] {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: LiteralFinding[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    findings.push({ file: fileName, line: line + 1, text: text.trim() });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) report(node, node.text);
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      for (const text of visibleLiterals(node.expression)) if (HAS_LETTER.test(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(sourceFile)) && node.initializer) {
      const texts = ts.isStringLiteral(node.initializer)
        ? [node.initializer.text]
        : ts.isJsxExpression(node.initializer) && node.initializer.expression
          ? visibleLiterals(node.initializer.expression)
          : [];
      for (const text of texts) if (HAS_LETTER.test(text)) report(node, `${node.name.getText(sourceFile)}="${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

describe('user-visible strings go through t()', () => {
  it('no component renders a literal string', () => {
    const files = componentFiles(RENDERER);
    expect(files.length).toBeGreaterThan(10);
    const findings = files.flatMap((file) =>
      findLiteralStrings(path.relative(RENDERER, file), readFileSync(file, 'utf8')),
    );
    expect(findings.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });

  it('the scan catches text, labelled attributes and literals hidden in expressions', () => {
    const source = `
      export function Bad({ on }: { on: boolean }) {
        return (
          <div title="Tooltip" aria-label={'Label'}>
            Hello there
            <img alt={on ? 'Yes' : \`No \${on}\`} />
            <input placeholder="Search mail" />
            {'Inline literal'}
            {on && 'Shown when on'}
          </div>
        );
      }`;
    const texts = findLiteralStrings('bad.tsx', source).map((finding) => finding.text);
    expect(texts).toEqual([
      'title="Tooltip"',
      'aria-label="Label"',
      'Hello there',
      'alt="Yes"',
      'alt="No "',
      'placeholder="Search mail"',
      'Inline literal',
      'Shown when on',
    ]);
  });

  it('the scan lets translated, numeric and non-text code pass', () => {
    const source = `
      export function Good({ t, n }: { t: (key: string) => string; n: number }) {
        return (
          <div className="row-sender" aria-label={t('messageList.label')} title={t('a.b')} data-state="open">
            {t('folders.label')} {n} · {'—'}
            {/* a comment with words */}
          </div>
        );
      }`;
    expect(findLiteralStrings('good.tsx', source)).toEqual([]);
  });
});
