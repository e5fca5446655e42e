import type { Course, Level, Module, Question, Step } from '../model/course.ts';
import { kindOf } from '../questions/lookup.ts';
import { escapeHtml, page } from './html.ts';
import { reportKeyPage } from './report-key.ts';
import { storyMap, storyMapList, storyMapSvg } from './story-map.ts';

/**
 * The facilitator pack: the same modules, for a trainer who runs them with a group in a room.
 * Built from the compiled course (no second copy of any text), one set of pages per level:
 * - `index.html`: the level, its outcomes and its modules;
 * - `<module>.html`: the session plan, the scenario as the group meets it (each decision as a
 *   discussion prompt, what follows each option, what the review found), the story map and the
 *   reflection sheet to take away;
 * - `<module>-answers.html`: the group questions with their answers, apart so they can be held back;
 * - `<module>-poster.html`: a one-page poster of the module's key messages;
 * - `report-key.html`: what the LMS's interactions report means for the level (report-key.ts).
 * Pure: returns file names and HTML; scripts/build-facilitator.ts writes them.
 */

export interface PackFile {
  /** Relative to the pack's folder, e.g. `foundation/peter.html`. */
  readonly path: string;
  readonly html: string;
}

/** A room takes longer than a screen: discussion at each decision roughly doubles the time. */
const ROOM_FACTOR = 2;

/** Said before any case is discussed: the same support the course gives, for reading out. */
const STANDARD_SUPPORT = [
  'Anyone can step out at any time, and does not have to say why.',
  'Talk to your manager or your organisation’s designated safeguarding lead (DSL).',
  'Use your organisation’s employee or volunteer support service, if it has one.',
  'If you are worried about a child, follow your organisation’s procedure and speak to your DSL. The NSPCC (National Society for the Prevention of Cruelty to Children) Helpline is on 0808 800 5000.',
  'If a child is in immediate danger, call 999.',
];

const stepKind: Record<Step['type'], string> = {
  narrative: 'Scenario',
  decision: 'Decision',
  reveal: 'What the review found',
  ending: 'Ending',
};

export const questionsFor = (module: Module, level: Level): Question[] =>
  module.questions.filter((q) => q.levels.includes(level.id));

export const modulesOf = (course: Course, level: Level): Module[] =>
  level.modules.map((id) => course.modules.find((m) => m.id === id)!).filter(Boolean);

/** The module's review; none for a training lead's own module (`profile: local`). */
function citation(module: Module): string | undefined {
  if (!module.source) return undefined;
  const { name, board, published, linkText, url } = module.source;
  const where = url
    ? `<a href="${escapeHtml(url)}">${escapeHtml(linkText)}</a>`
    : escapeHtml(linkText);
  return `${escapeHtml(name)}, ${escapeHtml(board)}${published ? `, published ${escapeHtml(published)}` : ''}. Where to find it: ${where}.`;
}

function supportList(module: Module): string {
  const own = module.support.map(
    (s) =>
      `<li>${escapeHtml(s.name)}: <strong>${escapeHtml(s.contact)}</strong>${s.detail ? ` (${escapeHtml(s.detail)})` : ''}.</li>`,
  );
  return `<ul>${[...STANDARD_SUPPORT.map((line) => `<li>${escapeHtml(line)}</li>`), ...own].join('')}</ul>`;
}

function timings(module: Module, level: Level): string {
  const room = module.durationMinutes * ROOM_FACTOR;
  const opening = 10;
  const close = 10;
  const middle = Math.max(20, room - opening - close);
  const questions = Math.round((middle * 0.25) / 5) * 5 || 5;
  const scenario = middle - questions;
  const rows: [string, number][] = [
    ['Welcome, what the session covers, the content note and support', opening],
    ['The scenario: stop at each decision and discuss', scenario],
    [`Group questions (${questionsFor(module, level).length} to choose from)`, questions],
    ['Reflection, key messages and a safe close', close],
  ];
  return `<p>On screen the module takes about ${module.durationMinutes} minutes. With a group, discussing each decision, allow about ${opening + scenario + questions + close} minutes:</p>
<table><thead><tr><th scope="col">Part</th><th scope="col">Minutes</th></tr></thead><tbody>${rows
    .map(([what, minutes]) => `<tr><td>${escapeHtml(what)}</td><td>${minutes}</td></tr>`)
    .join('')}</tbody></table>`;
}

function keyMessages(module: Module, level: Level): string[] {
  return [...new Set(questionsFor(module, level).map((q) => q.keyMessage.text))];
}

function sessionPlan(course: Course, module: Module, level: Level): string {
  const outcomes = level.outcomes.filter((o) => module.outcomes.includes(o.id));
  return `<section aria-labelledby="plan">
<h2 id="plan">Session plan</h2>
<h3>Who it is for</h3>
${level.audience.html}
<h3>Learning outcomes</h3>
<p>By the end, people will be able to:</p>
<ul>${outcomes.map((o) => `<li>${escapeHtml(o.text)}</li>`).join('')}</ul>
<h3>Timings</h3>
${timings(module, level)}
<h3>What to prepare</h3>
<ul>
<li>This page printed for yourself; the answers page (<a href="${module.id}-answers.html">group questions and answers</a>) printed apart, so you can hold it back.</li>
<li>A copy of the reflection sheet (the last page) for everyone, and the <a href="${module.id}-poster.html">poster</a> for the room.</li>
<li>Your organisation’s safeguarding procedure, and the name and contact details of your designated safeguarding lead (DSL), to give out: ${worryRoute(course)}</li>
<li>A room where people can step out, and time after the session to talk to anyone who needs it.</li>
${module.source ? `<li>The review itself, if you want to read it first: ${citation(module)}</li>` : ''}
</ul>
<h3>Before you start: read out</h3>
<p>What the session covers:</p>
<div class="inset">${module.covers.html}</div>
<p>The content note:</p>
<div class="inset">${module.contentNote.html}</div>
<p>Support:</p>
${supportList(module)}
<h3>How to close safely</h3>
<ol>
<li>Come back to the key messages: ${keyMessages(module, level)
    .slice(0, 4)
    .map((m) => escapeHtml(m))
    .join(' ')}</li>
<li>Ask how people are, and remind them that the case is about a real child. Give them a moment.</li>
<li>Read out the support again, and say when and where you can be found after the session.</li>
<li>Hand out the reflection sheet to take to supervision, and say where your organisation’s procedures are kept.</li>
</ol>
<p class="note">From the course “${escapeHtml(course.title)}”, version ${escapeHtml(course.version)}.</p>
</section>`;
}

function stepBlock(module: Module, step: Step, titles: Map<string, string>): string {
  const invented = step.reconstructed
    ? '<p class="note">This step is invented, to carry the review’s learning. It is not what happened.</p>'
    : '';
  const head = `<h3 id="step-${escapeHtml(step.id)}"><span class="caption">${stepKind[step.type]}</span>${escapeHtml(step.title)}</h3>${invented}`;
  const leads = (to: string) => `“${escapeHtml(titles.get(to) ?? to)}”`;
  switch (step.type) {
    case 'narrative':
      return `${head}${step.text.html}${
        step.knew.length > 0
          ? `<p class="prompt">What practitioners knew at this point:</p><ul>${step.knew.map((k) => `<li>${k.html}</li>`).join('')}</ul>`
          : ''
      }`;
    case 'reveal':
      return `${head}<div class="found">${step.text.html}${module.source ? `<p class="note">From: ${citation(module)}</p>` : ''}</div>`;
    case 'ending':
      return `${head}${step.text.html}<p class="prompt">Debrief:</p>${step.debrief.html}`;
    case 'decision':
      return `${head}${step.text?.html ?? ''}<div class="prompt">${step.question.html}</div>
<p>Ask the group: <strong>What would you do? What would make you hesitate?</strong> Take views before you show the options.</p>
<ol>${step.options
        .map(
          (option) =>
            `<li class="option"><p><strong>${option.text.html.replace(/^<p>|<\/p>\s*$/g, '')}</strong></p><p class="prompt">What follows:</p>${option.feedback.html}<p class="note">Leads to ${option.next.map((b) => leads(b.to)).join(' or ')}.</p></li>`,
        )
        .join('')}</ol>`;
  }
}

function scenarioSection(module: Module): string {
  const titles = new Map(module.scenario.steps.map((s) => [s.id, s.title]));
  const map = storyMap(module.scenario);
  return `<section class="page" aria-labelledby="scenario">
<h2 id="scenario">The scenario</h2>
${module.reconstruction ? `<div class="inset">${module.reconstruction.html}</div>` : ''}
<p>Take the group through the steps in order. Each decision lists every option and what follows it; where the steps branch, the story map below shows where each option leads.</p>
${module.scenario.steps.map((s) => stepBlock(module, s, titles)).join('\n')}
<h3 id="map">Story map</h3>
<div class="map">${storyMapSvg(map, module.title, `map-list-${module.id}`)}</div>
<p>The same map as a list:</p>
${storyMapList(map, `map-list-${module.id}`)}
</section>`;
}

function reflectionSheet(module: Module, level: Level): string {
  return `<section class="page" aria-labelledby="reflection">
<h2 id="reflection">Reflection sheet: ${escapeHtml(module.title)}</h2>
<p>Take this to supervision or a team meeting. ${escapeHtml(level.title)} level.</p>
<ol>${module.reflection.map((prompt) => `<li>${prompt.html}<div class="write-in" aria-hidden="true"></div></li>`).join('')}</ol>
</section>`;
}

function answerBlock(question: Question, number: number): string {
  const head = `<h2 id="q-${escapeHtml(question.id)}">Question ${number}</h2><div class="prompt">${question.prompt.html}</div>`;
  // The right answer, as the question's type prints it (src/questions/).
  const body = kindOf(question).printAnswer(question);
  const feedback = [question.feedback.correct?.html, question.feedback.incorrect?.html]
    .filter(Boolean)
    .join('');
  return `<section aria-labelledby="q-${escapeHtml(question.id)}">${head}${body}<p><strong>Key message:</strong> ${escapeHtml(question.keyMessage.text)}</p>${feedback ? `<div class="note">${feedback}</div>` : ''}</section>`;
}

function answersPage(module: Module, level: Level): string {
  const questions = questionsFor(module, level);
  return page(
    `Group questions and answers: ${module.title}`,
    `<h1><span class="caption">Facilitator pack · ${escapeHtml(level.title)}</span>Group questions and answers: ${escapeHtml(module.title)}</h1>
<p class="inset">Hold this page back until the group has answered. Ask each question, take answers and reasons, then give the answer and the key message.</p>
<p class="no-print"><a href="${module.id}.html">Back to the session plan</a></p>
${questions.length > 0 ? questions.map((q, i) => answerBlock(q, i + 1)).join('\n') : '<p>This module has no quiz at this level.</p>'}`,
  );
}

/** A poster is read from across a room: a few messages, large. */
const POSTER_MESSAGES = 6;

/**
 * Where a worry goes, in the edition's words: its DSL or safeguarding team and its procedures when
 * an organisation file names them, else the neutral "your organisation's" route.
 */
function worryRoute(course: Course): string {
  const edition = course.edition;
  if (!edition) {
    return 'Follow your organisation’s safeguarding procedure and speak to your designated safeguarding lead (DSL).';
  }
  const { dsl } = edition.contacts;
  const how = [dsl.phone, dsl.email].filter(Boolean).join(', ');
  const procedures = edition.procedures.url
    ? `<a href="${escapeHtml(edition.procedures.url)}">${escapeHtml(edition.procedures.text)}</a>`
    : escapeHtml(edition.procedures.text);
  return `Follow ${procedures} and speak to ${escapeHtml(dsl.who)}${how ? ` (${escapeHtml(how)})` : ''}.`;
}

function posterPage(course: Course, module: Module, level: Level): string {
  const messages = keyMessages(module, level).slice(0, POSTER_MESSAGES);
  return page(
    `Poster: ${module.title}`,
    `<div class="poster">
<h1>${escapeHtml(module.title)}</h1>
<h2>Key messages</h2>
<ul class="messages">${messages.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>
${module.source ? `<p>Learning from: ${citation(module)}</p>` : ''}
<p><strong>Worried about a child?</strong> ${worryRoute(course)} If a child is in immediate danger, call 999.</p>
</div>`,
  );
}

function modulePage(course: Course, module: Module, level: Level): string {
  return page(
    `Facilitator pack: ${module.title}`,
    `<h1><span class="caption">Facilitator pack · ${escapeHtml(level.title)}</span>${escapeHtml(module.title)}</h1>
<nav class="no-print" aria-label="This module"><ul><li><a href="#plan">Session plan</a></li><li><a href="#scenario">The scenario</a></li><li><a href="#map">Story map</a></li><li><a href="#reflection">Reflection sheet</a></li><li><a href="${module.id}-answers.html">Group questions and answers</a> (a separate page)</li><li><a href="${module.id}-poster.html">Poster</a></li><li><a href="index.html">All modules at this level</a></li></ul></nav>
${sessionPlan(course, module, level)}
${scenarioSection(module)}
${reflectionSheet(module, level)}`,
  );
}

function levelIndex(course: Course, level: Level): string {
  const modules = modulesOf(course, level);
  return page(
    `Facilitator pack: ${level.title}`,
    `<h1><span class="caption">${escapeHtml(course.title)}</span>Facilitator pack: ${escapeHtml(level.title)}</h1>
<p>For running this level’s modules with a group. Each module has a session plan, the scenario with its decisions as discussion prompts, a story map, a reflection sheet, the group questions with answers on a separate page, and a poster. Print from your browser (a PDF is a print away).</p>
<h2>Who it is for</h2>
${level.audience.html}
<h2>Learning outcomes</h2>
<ul>${level.outcomes.map((o) => `<li>${escapeHtml(o.text)}</li>`).join('')}</ul>
<h2>Modules</h2>
<table><thead><tr><th scope="col">Module</th><th scope="col">On screen</th><th scope="col">Also</th></tr></thead><tbody>${modules
      .map(
        (m) =>
          `<tr><td><a href="${m.id}.html">${escapeHtml(m.title)}</a></td><td>${m.durationMinutes} minutes</td><td><a href="${m.id}-answers.html">Questions and answers<span class="note"> (${escapeHtml(m.title)})</span></a>, <a href="${m.id}-poster.html">poster<span class="note"> (${escapeHtml(m.title)})</span></a></td></tr>`,
      )
      .join('')}</tbody></table>
<h2>Reading the LMS’s reports</h2>
<p><a href="report-key.html">LMS report key</a>: what each decision and question id in your LMS’s interactions report is, what each option letter stands for, and what a decision’s result means.</p>`,
  );
}

/** Every page of every level's pack, plus a top index, in a stable order. */
export function facilitatorPack(course: Course): PackFile[] {
  const files: PackFile[] = [
    {
      path: 'index.html',
      html: page(
        `Facilitator packs: ${course.title}`,
        `<h1>Facilitator packs: ${escapeHtml(course.title)}</h1><ul>${course.levels
          .map((l) => `<li><a href="${l.id}/index.html">${escapeHtml(l.title)}</a></li>`)
          .join('')}</ul>`,
      ),
    },
  ];
  for (const level of course.levels) {
    files.push(
      { path: `${level.id}/index.html`, html: levelIndex(course, level) },
      {
        path: `${level.id}/report-key.html`,
        html: reportKeyPage(course, level, modulesOf(course, level)),
      },
    );
    for (const module of modulesOf(course, level)) {
      files.push(
        { path: `${level.id}/${module.id}.html`, html: modulePage(course, module, level) },
        { path: `${level.id}/${module.id}-answers.html`, html: answersPage(module, level) },
        { path: `${level.id}/${module.id}-poster.html`, html: posterPage(course, module, level) },
      );
    }
  }
  return files;
}
