import {
  decisionResult,
  interactionId,
  optionId,
  type InteractionResponse,
} from '../engine/index.ts';
import type { Course, DecisionStep, Level, Module, Question } from '../model/course.ts';
import { kindOf } from '../questions/lookup.ts';
import { formatResponse } from '../../scorm/adapter/format.ts';
import { SCORM_VERSIONS } from '../../scorm/version.ts';
import { escapeHtml, page } from './html.ts';

/**
 * The LMS report key for a level: what an LMS's interactions report means. The course records
 * each decision and quiz answer as an interaction with an id, the learner's response (option ids:
 * `a` for the first option as written) and a result, and keeps no question text or right answer
 * in the LMS (docs/lms-setup.md says why). An administrator or a manager reading the report needs
 * this page to turn `child-h_visit-one`, `b`, `wrong` back into the question, the option and what
 * the course means by the result. Built from the compiled course, as the rest of the pack.
 */

const RESULT_WORDS = {
  correct: '<code>correct</code>: the best option',
  neutral: '<code>neutral</code>: reasonable, not the best',
  incorrect: '<code>wrong</code> (SCORM 1.2) / <code>incorrect</code> (SCORM 2004): weighted 0',
} as const;

/** A response as each SCORM version records it (the adapter's own formatting). */
const asRecorded = (response: InteractionResponse) =>
  SCORM_VERSIONS.map(
    (version) => `<code>${escapeHtml(formatResponse(version, response))}</code> (SCORM ${version})`,
  ).join(', ');

function decisionBlock(module: Module, step: DecisionStep): string {
  const rows = step.options.map(
    (option, i) =>
      `<tr><td><code>${optionId(i)}</code></td><td>${escapeHtml(option.text.text)}</td><td>${RESULT_WORDS[decisionResult(step, i)]}</td></tr>`,
  );
  return `<h4><code>${escapeHtml(interactionId(module.id, step.id))}</code></h4>
<p>${escapeHtml(step.question.text)}</p>
<table><thead><tr><th scope="col">Response</th><th scope="col">Option</th><th scope="col">Result recorded</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function questionBlock(module: Module, question: Question): string {
  const kind = kindOf(question);
  const right = kind.interaction(question, kind.samples(question).right).correctResponse;
  const ids = kind.recordedIds(question);
  return `<h4><code>${escapeHtml(interactionId(module.id, question.id))}</code></h4>
<p>${escapeHtml(question.prompt.text)}</p>
${
  ids.length > 0
    ? `<ul>${ids.map((r) => `<li><code>${escapeHtml(r.id)}</code>: ${escapeHtml(r.text)}</li>`).join('')}</ul>`
    : `<p>The response is true or false itself: ${asRecorded({ type: 'true-false', value: true })} for true.</p>`
}
<p>Right response: ${asRecorded(right)}</p>`;
}

function moduleSection(module: Module, level: Level): string {
  const decisions = module.scenario.steps.filter((s): s is DecisionStep => s.type === 'decision');
  const questions = module.questions.filter((q) => q.levels.includes(level.id));
  const heading = `key-${escapeHtml(module.id)}`;
  const asked =
    level.questionsPerModule > 0 ? Math.min(level.questionsPerModule, questions.length) : 'all';
  return `<section aria-labelledby="${heading}">
<h2 id="${heading}">${escapeHtml(module.title)}</h2>
<h3>Decisions</h3>
${decisions.map((d) => decisionBlock(module, d)).join('\n')}
<h3>Quiz questions</h3>
${
  questions.length === 0
    ? '<p>This module has no quiz at this level.</p>'
    : `<p>Every question the quiz may ask at this level; each learner is asked ${asked} of them.</p>
${questions.map((q) => questionBlock(module, q)).join('\n')}`
}
</section>`;
}

export function reportKeyPage(course: Course, level: Level, modules: readonly Module[]): string {
  const share = Math.round(level.scenarioShare * 100);
  return page(
    `LMS report key: ${level.title}`,
    `<h1><span class="caption">${escapeHtml(course.title)} · version ${escapeHtml(course.version)}</span>LMS report key: ${escapeHtml(level.title)}</h1>
<p class="no-print"><a href="index.html">Back to the level</a></p>
<p>Your LMS’s interactions report has one row for each decision and each quiz question a learner answered: an <strong>id</strong>, the learner’s <strong>response</strong> and a <strong>result</strong>. To keep the LMS’s records small, the course stores no question text and no right answer there. This page turns each row back into words.</p>
<ul>
<li><strong>Id</strong>: the module, then the decision or question (<code>module_step</code>).</li>
<li><strong>Response</strong>: options by letter, <code>a</code> for the first option as written here. Each learner saw the options in an order of their own, so a letter says nothing about where they saw it. Several options are listed with commas (<code>a,c</code> in SCORM 1.2, <code>a[,]c</code> in SCORM 2004); an ordering lists items in the learner’s order; a matching lists each numbered item with the letter matched to it (<code>1.a,2.b</code>, or <code>1[.]a[,]2[.]b</code>); a true/false answer is <code>t</code> or <code>f</code> in SCORM 1.2 and <code>true</code> or <code>false</code> in SCORM 2004.</li>
<li><strong>Result of a quiz question</strong>: right or wrong, as you would expect.</li>
<li><strong>Result of a decision</strong>: the scenario has consequences, not right answers. <code>correct</code> marks the best option, <code>neutral</code> a reasonable one that is not the best, and <code>wrong</code> (SCORM 1.2) or <code>incorrect</code> (SCORM 2004) an option the story shows the cost of. Read it as something to talk through in supervision, not a failed test: ${share > 0 ? `decisions make ${share}% of each module’s score at this level.` : 'decisions do not count towards the score at this level; the quizzes do.'}</li>
</ul>
${modules.map((m) => moduleSection(m, level)).join('\n')}`,
  );
}
