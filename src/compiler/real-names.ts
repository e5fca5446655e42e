import type { Diagnostic } from './diagnostics.ts';
import type { RawModule, RawStep } from './raw.ts';
import type { ContentPath, SourceFile } from './source-file.ts';

/**
 * Real children stay real: a scenario follows an invented family, and the names the review uses
 * for the real child and family (`real-names:`) appear only in reveal steps ("what the review
 * found"), where every fact is cited. Inventing events, words or warning signs in a real child's
 * life is the harm this check prevents. Names match as whole words, capitals as written, so
 * "H" catches "H's mother" but not "Hannah" or "he".
 */
export function checkRealNames(
  file: SourceFile,
  text: string,
  raw: RawModule,
  out: Diagnostic[],
): void {
  const names = (raw['real-names'] ?? []).map((n) => n.trim()).filter((n) => n.length > 0);
  if (names.length === 0) return;
  const patterns = names.map((name) => ({ name, pattern: wholeWord(name) }));
  const lines = text.split('\n');
  raw.scenario.steps.forEach((step, i) => {
    if (step.type === 'reveal') return;
    for (const [path, value] of inventedText(step, ['scenario', 'steps', i])) {
      for (const { name, pattern } of patterns) {
        if (!pattern.test(value)) continue;
        const at = file.at(path);
        out.push({
          severity: 'error',
          file: file.path,
          line: lineContaining(lines, at.line, pattern, value) ?? at.line,
          column: at.column,
          message: `"${name}", a real name from the review, in the ${step.type} step "${step.id}" (${describePath(path)})`,
          fix: "This step is invented: use the invented family's name; the real child appears only in reveal steps",
        });
      }
    }
  });
}

/** The texts of a non-reveal step a learner reads as part of the invented story. */
function inventedText(step: RawStep, at: ContentPath): [ContentPath, string][] {
  const found: [ContentPath, string][] = [];
  const add = (key: string | number, value: string | undefined, base = at) => {
    if (value) found.push([[...base, key], value]);
  };
  add('title', step.title);
  switch (step.type) {
    case 'narrative':
      add('text', step.text);
      (step.knew ?? []).forEach((item, k) => add(k, item, [...at, 'knew']));
      break;
    case 'decision':
      add('text', step.text);
      add('question', step.question);
      step.options.forEach((option, oi) => {
        add('text', option.text, [...at, 'options', oi]);
        add('feedback', option.feedback, [...at, 'options', oi]);
      });
      break;
    case 'ending':
      // The debrief is the review's lesson, told after the story ends: it may name the real case.
      add('text', step.text);
      break;
    case 'reveal':
      break;
  }
  return found;
}

/** `Child H` as a whole word: not inside a longer word, capitals as written. */
export function wholeWord(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'u');
}

/**
 * The line of the file where `pattern` first matches, searching from the field's own line over as
 * many lines as its value can span (a block of text starts on the line after its key). Undefined
 * when the match is split across lines, so the caller falls back to the field's line.
 */
export function lineContaining(
  lines: readonly string[],
  fromLine: number,
  pattern: RegExp,
  value: string,
): number | undefined {
  const span = value.split('\n').length + Math.ceil(value.length / 20) + 1;
  for (let line = fromLine; line <= Math.min(lines.length, fromLine + span); line++) {
    if (pattern.test(lines[line - 1] ?? '')) return line;
  }
  return undefined;
}

/** `option 2 feedback`, `knew item 1`, `text`: which field of the step, for the message. */
function describePath(path: ContentPath): string {
  const [key, index, field] = path.slice(3);
  if (key === 'options') return `option ${Number(index) + 1} ${String(field)}`;
  if (key === 'knew') return `knew item ${Number(index) + 1}`;
  return String(key);
}
